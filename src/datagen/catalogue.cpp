#include "datagen/catalogue.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "datagen/random.h"

namespace segdash::datagen {
namespace {

struct CategoryDef {
    const char *code;
    const char *en;
    const char *pl;
    double priceMin, priceMax; // EUR list price range
    double margin;             // mean gross margin
    double bulk;
    const char *stemsEn[6];
    const char *stemsPl[6];
};

constexpr CategoryDef kCategories[] = {
    {"PAP", "Paper", "Papier", 3, 40, 0.22, 6, {"Copy paper A4", "Copy paper A3", "Photo paper", "Notebook", "Sticky notes", "Envelopes"},
     {"Papier ksero A4", "Papier ksero A3", "Papier fotograficzny", "Zeszyt", "Karteczki samoprzylepne", "Koperty"}},
    {"WRI", "Writing", "Artykuły piśmiennicze", 1, 25, 0.45, 8, {"Gel pen", "Ballpoint pen", "Marker", "Highlighter", "Pencil set", "Fountain pen"},
     {"Długopis żelowy", "Długopis", "Marker", "Zakreślacz", "Zestaw ołówków", "Pióro wieczne"}},
    {"FIL", "Filing", "Archiwizacja", 2, 60, 0.40, 4, {"Ring binder", "Lever arch file", "Document tray", "Archive box", "Hanging file", "Label maker"},
     {"Segregator", "Segregator dźwigniowy", "Półka na dokumenty", "Pudło archiwizacyjne", "Teczka zawieszana", "Drukarka etykiet"}},
    {"INK", "Ink & toner", "Tusze i tonery", 20, 180, 0.30, 2, {"Black toner", "Colour toner set", "Ink cartridge", "Drum unit", "Maintenance kit", "Photo ink set"},
     {"Toner czarny", "Zestaw tonerów kolorowych", "Wkład atramentowy", "Bęben", "Zestaw konserwacyjny", "Tusze fotograficzne"}},
    {"PRN", "Printers", "Drukarki", 120, 2400, 0.18, 1, {"Laser printer", "Inkjet printer", "Multifunction printer", "Label printer", "Scanner", "Plotter"},
     {"Drukarka laserowa", "Drukarka atramentowa", "Urządzenie wielofunkcyjne", "Drukarka etykiet", "Skaner", "Ploter"}},
    {"CMP", "Computers", "Komputery", 450, 2600, 0.12, 1, {"Business laptop", "Ultrabook", "Desktop PC", "Workstation", "Mini PC", "Tablet"},
     {"Laptop biznesowy", "Ultrabook", "Komputer stacjonarny", "Stacja robocza", "Mini PC", "Tablet"}},
    {"MON", "Monitors", "Monitory", 110, 900, 0.16, 1, {"24-inch monitor", "27-inch monitor", "Curved monitor", "Portable monitor", "Monitor arm", "Docking station"},
     {"Monitor 24 cale", "Monitor 27 cali", "Monitor zakrzywiony", "Monitor przenośny", "Ramię do monitora", "Stacja dokująca"}},
    {"NET", "Networking", "Sieci", 25, 1400, 0.25, 1, {"Network switch", "Wi-Fi router", "Access point", "Patch cable pack", "Firewall", "Network storage"},
     {"Przełącznik sieciowy", "Router Wi-Fi", "Punkt dostępowy", "Zestaw kabli krosowych", "Zapora sieciowa", "Dysk sieciowy"}},
    {"FUR", "Furniture", "Meble biurowe", 60, 1300, 0.35, 1, {"Ergonomic chair", "Standing desk", "Filing cabinet", "Meeting table", "Bookshelf", "Footrest"},
     {"Krzesło ergonomiczne", "Biurko regulowane", "Szafka kartotekowa", "Stół konferencyjny", "Regał", "Podnóżek"}},
    {"CLN", "Cleaning", "Środki czystości", 2, 45, 0.38, 6, {"Hand soap", "Paper towels", "Surface cleaner", "Bin bags", "Disinfectant", "Microfibre cloths"},
     {"Mydło w płynie", "Ręczniki papierowe", "Płyn do powierzchni", "Worki na śmieci", "Środek dezynfekujący", "Ściereczki z mikrofibry"}},
    {"KIT", "Coffee & kitchen", "Kawa i kuchnia", 3, 650, 0.32, 4, {"Coffee beans", "Tea selection", "Coffee machine", "Water filter", "Sugar sticks", "Kettle"},
     {"Kawa ziarnista", "Zestaw herbat", "Ekspres do kawy", "Filtr do wody", "Cukier w saszetkach", "Czajnik"}},
    {"SRV", "Software & services", "Oprogramowanie i usługi", 40, 3000, 0.55, 1, {"Office suite licence", "Antivirus licence", "Cloud backup", "Installation service", "Training day", "Support contract"},
     {"Licencja pakietu biurowego", "Licencja antywirusa", "Kopia zapasowa w chmurze", "Usługa instalacji", "Dzień szkolenia", "Umowa serwisowa"}},
};

constexpr const char *kVariantsEn[] = {"basic", "standard", "premium"};
constexpr const char *kVariantsPl[] = {"podstawowy", "standard", "premium"};
constexpr double kVariantPrice[] = {0.6, 1.0, 1.7};
constexpr double kEurToPln = 4.3;

core::Money roundedPrice(double value) {
    // Shop prices end in .99 or .49 above 10, two decimals below.
    if (value >= 10) return core::Money::fromDouble(std::floor(value) + (std::fmod(std::floor(value), 2) ? 0.99 : 0.49));
    return core::Money::fromDouble(std::round(value * 100) / 100);
}

Catalogue build(Dialect dialect) {
    Catalogue c;
    Rng rng(0x5E6DA5C0FFEEULL); // fixed: the catalogue does not depend on the seed
    const bool pl = dialect == Dialect::Polish;
    for (int ci = 0; ci < int(std::size(kCategories)); ++ci) {
        const auto &def = kCategories[ci];
        c.categories.emplace_back(pl ? def.pl : def.en);
        c.byCategory.emplace_back();
        int serial = 0;
        for (int s = 0; s < 6; ++s) {
            const double base = std::exp(rng.uniform(std::log(def.priceMin), std::log(def.priceMax)));
            for (int v = 0; v < 3; ++v) {
                if (s == 5 && v == 1) continue; // 17 per category, 204 in all
                Product p;
                char code[16];
                std::snprintf(code, sizeof code, "%s-%03d", def.code, ++serial * 7 + ci);
                p.code = code;
                p.name = std::string(pl ? def.stemsPl[s] : def.stemsEn[s]) + " " + (pl ? kVariantsPl[v] : kVariantsEn[v]);
                p.category = ci;
                const double price = base * kVariantPrice[v] * (pl ? kEurToPln : 1.0);
                p.listPrice = roundedPrice(price);
                const double margin = std::clamp(def.margin + rng.normal(0, 0.05), 0.05, 0.7);
                p.unitCost = core::Money::fromDouble(std::round(p.listPrice.toDouble() * (1 - margin) * 100) / 100);
                p.bulk = def.bulk;
                c.byCategory.back().push_back(int(c.products.size()));
                c.products.push_back(std::move(p));
            }
        }
    }
    return c;
}

} // namespace

const Catalogue &catalogue(Dialect dialect) {
    static const Catalogue en = build(Dialect::English);
    static const Catalogue pl = build(Dialect::Polish);
    return dialect == Dialect::Polish ? pl : en;
}

} // namespace segdash::datagen
