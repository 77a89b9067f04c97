import "fixtures/helpers.r3"
import "fixtures/helpers.r3"
print(helperValue, helperDouble(4))
# expect: helpers loaded
# expect: 42 8
