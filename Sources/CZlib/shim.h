// The system zlib (Debian: zlib1g-dev), for reading gzip-compressed input in the command-line tool.
#include <zlib.h>
