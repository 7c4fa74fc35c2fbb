// libgettextpo (GNU gettext): reads and writes PO files for translators.
#include <gettext-po.h>
