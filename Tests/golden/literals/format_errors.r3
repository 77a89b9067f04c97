format("%d %d", 1)  # expect error: format(): the template needs more values than the 1 given
