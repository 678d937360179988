// zlib for WarrenStore's blob files (WarrenProto reaches zlib through CWarrenProto's shim instead).
#include <zlib.h>
