{
  let hidden = 1
  print(hidden)  # expect: 1
}
print(hidden)  # expect error: undefined variable 'hidden'
