import R3Runtime
print(probe())
