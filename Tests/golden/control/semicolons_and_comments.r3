let a = 1; let b = 2; print(a + b)  # expect: 3
# %% a notebook cell marker is a comment
# %% [markdown]
# Some *markdown* text.
print("after cells")  # expect: after cells
