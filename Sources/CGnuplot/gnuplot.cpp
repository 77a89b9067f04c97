#include "CGnuplot.h"
#include <gnuplot-iostream.h>
#include <cstdlib>

extern "C" int r3gp_available(void) {
    return std::system("command -v gnuplot >/dev/null 2>&1") == 0 ? 1 : 0;
}
