#pragma once
// The product catalogue: ~200 products in 12 categories with list prices and unit
// costs. Fixed (independent of the seed) so every dataset sells the same products.
#include <string>
#include <vector>

#include "core/money.h"
#include "datagen/generator.h"

namespace segdash::datagen {

struct Product {
    std::string code;
    std::string name;
    int category = 0;
    core::Money listPrice;
    core::Money unitCost;
    double bulk = 1.0; // typical quantity multiplier (paper by the box, servers one by one)
};

struct Catalogue {
    std::vector<std::string> categories;
    std::vector<Product> products;
    std::vector<std::vector<int>> byCategory; // product indexes per category
};

const Catalogue &catalogue(Dialect dialect);

} // namespace segdash::datagen
