"""Writes reference.ipynb with nbformat (the reference implementation), for IpynbWriterTests.

The cells mirror `IpynbWriterTests.referenceDocument` in Swift; the test checks that our writer
produces the same notebook. Run once with a Python that has nbformat:

    /tmp/peer/bin/python Tests/R3NotebookTests/Fixtures/make_reference_notebook.py
"""
import base64
import pathlib

import nbformat
from nbformat.v4 import (new_code_cell, new_markdown_cell, new_notebook, new_output)

png = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

cells = [
    new_markdown_cell("# Countdown\n\nSome *text* with `code` and ünïcödé.", id="cell-1"),
    new_code_cell(
        "let x = 1\nprint(x)\nprint(x + 1)", id="cell-2", execution_count=1,
        metadata={
            "execution": {
                "iopub.execute_input": "2025-01-02T03:04:05.000Z",
                "shell.execute_reply": "2025-01-02T03:04:05.250Z",
            },
            "r3": {"seconds": 0.25},
        },
        outputs=[new_output("stream", name="stdout", text="1\n2\n")],
    ),
    new_code_cell(
        'plot(log, "reward")\nsavefig("curve.png")\nprint(table(rows))', id="cell-3", execution_count=2,
        metadata={"r3": {"seconds": 1.5}},
        outputs=[
            new_output("display_data", data={
                "image/png": base64.b64encode(png).decode() + "\n",
                "text/plain": "  1 +---+\n    |  *|\n  0 +---+\n",
            }),
            new_output("display_data", data={
                "text/markdown": "| a | b |\n| --- | ---: |\n| x | 1 |\n",
                "text/plain": "a  b\n-  -\nx  1\n",
            }),
        ],
    ),
    new_code_cell(
        'error("boom")', id="cell-4", execution_count=3, metadata={"title": "Fails"},
        outputs=[new_output("error", ename="R3Error", evalue="script.r3:9:1: error: boom",
                            traceback=["script.r3:9:1: error: boom", 'error("boom")', "^"])],
    ),
    new_code_cell("", id="cell-5"),
]
nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"display_name": "R3", "language": "r3", "name": "r3"},
    "language_info": {"file_extension": ".r3", "mimetype": "text/x-r3", "name": "r3"},
})
nbformat.validate(nb)
here = pathlib.Path(__file__).parent
(here / "reference.ipynb").write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
print("wrote", here / "reference.ipynb", "with nbformat", nbformat.__version__)
