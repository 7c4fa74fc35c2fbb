// libxml2's HTML parser: a real, forgiving HTML parser for imported web pages.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
