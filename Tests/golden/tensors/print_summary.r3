# More than 1000 elements print summarised: three items at each edge of every axis.
print(arange(2000))  # expect: tensor([   0,    1,    2, ..., 1997, 1998, 1999])
print(arange(40 * 30).reshaped([40, 30]))
# expect: tensor([[   0,    1,    2, ...,   27,   28,   29],
# expect:         [  30,   31,   32, ...,   57,   58,   59],
# expect:         [  60,   61,   62, ...,   87,   88,   89],
# expect:         ...,
# expect:         [1110, 1111, 1112, ..., 1137, 1138, 1139],
# expect:         [1140, 1141, 1142, ..., 1167, 1168, 1169],
# expect:         [1170, 1171, 1172, ..., 1197, 1198, 1199]])
print(arange(1000).shape)  # expect: [1000]
print(string(arange(1000)).contains("..."))  # expect: false
