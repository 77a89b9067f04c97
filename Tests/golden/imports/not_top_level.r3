fn f() {
  import "fixtures/helpers.r3"  # expect error: 'import' is only allowed at the top level
}
