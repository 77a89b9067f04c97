let t = """
    ok
  too little
    """
# expect error: indented less than its closing
