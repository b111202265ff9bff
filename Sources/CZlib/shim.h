// The system zlib (Debian: zlib1g-dev): gzip input to the command-line tool, gzip responses of the server.
#include <zlib.h>
