// The whole C surface Handout uses: Pango on Cairo, Cairo's PDF and PNG output,
// and fontconfig through Pango's fc font map (for a private font configuration).
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo/cairo-pdf.h>
#include <fontconfig/fontconfig.h>
