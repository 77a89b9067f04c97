#ifndef R3_CGNUPLOT_H
#define R3_CGNUPLOT_H
#ifdef __cplusplus
extern "C" {
#endif

/// Returns 1 when a gnuplot executable can be found on PATH.
int r3gp_available(void);

#ifdef __cplusplus
}
#endif
#endif
