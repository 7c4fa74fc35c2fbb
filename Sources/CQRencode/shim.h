// libqrencode: QR codes for the article's web address.
#include <qrencode.h>
