import "fixtures/nope.r3"  # expect error: cannot import 'fixtures/nope.r3': no such file
