// Boost.JSON's implementation, compiled once for the whole project (it takes ~17 s).
#include <boost/json/src.hpp>
