let limit = 10
limit = 11  # expect error: cannot assign to 'limit': it is a 'let' constant
