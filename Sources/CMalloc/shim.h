// glibc's malloc_trim: the print service gives memory freed after a large posted article
// back to the system (glibc's own module for Swift does not include malloc.h).
#include <malloc.h>
