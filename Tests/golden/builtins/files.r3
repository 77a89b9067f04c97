let path = "/tmp/r3-golden-files-test.txt"
writeFile(path, "line one\nline two")
print(readFile(path).lines())  # expect: ["line one", "line two"]
try { writeFile("/tmp", "x") } catch e { print(e) }  # expect: writeFile(): cannot write '/tmp': it is a folder; name a file
readFile("/nonexistent/dir/file.txt")  # expect error: readFile(): cannot read '/nonexistent/dir/file.txt'
