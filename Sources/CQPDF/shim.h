// libqpdf's C API: edits cairo's PDF objects (the document and passage languages).
#include <qpdf/qpdf-c.h>
