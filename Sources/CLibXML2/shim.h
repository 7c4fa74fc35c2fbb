// libxml2's HTML parser: a real, forgiving HTML parser for imported web pages.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its headers then pull in the system's ICU, which
// clashes with the copy inside Swift's Foundation. Nothing here uses libxml2's ICU
// converters (they only add fields at the end of xmlCharEncodingHandler), so leave them out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
