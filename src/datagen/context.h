#pragma once
// Internal: the state one generateDataset run shares between its parts (writers,
// vocabulary, campaigns, running numbers) and the per-customer steps.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "datagen/catalogue.h"
#include "datagen/generator.h"
#include "datagen/model.h"
#include "datagen/random.h"
#include "datagen/table_writer.h"
#include "datagen/vocabulary.h"

namespace segdash::datagen {

struct CampaignInfo {
    std::string id;
    int channel = 0; // index into Vocabulary::campaignChannels (0 e-mail, 1 social, 2 web, 3 event)
    core::Date startsOn, endsOn;
};

/// One generated customer's visible attributes.
struct Person {
    std::string id, name, email, company, phone;
    int group = 0, place = 0, industry = 0, size = 0, channel = 0, rep = 0, orderChannel = 0;
    int age = 0;
    int birthYear = 0; // 0 = not recorded
    bool ageBandKnown = true;
    std::array<int, 3> favouriteCategories{};
};

struct Context {
    Context(const GeneratorOptions &o);

    GeneratorOptions opt;
    const Vocabulary &voc;
    const Catalogue &cat;
    double dataStart = 0, dataEnd = 0; // days since 1970; dataEnd exclusive
    std::unique_ptr<TableWriter> customers, orders, lines, opportunities, interactions, surveys, campaigns, truth;
    std::vector<CampaignInfo> campaignList;
    std::int64_t nextOrderNo = 0, nextOppNo = 0;
    GeneratorSummary summary;
    std::vector<std::uint64_t> emailBits; // seen e-mail hashes (a collision adds digits)
    PurchaseHistory history;              // reused per customer
    std::vector<double> placeWeights;

    double moneyFactor() const { return opt.dialect == Dialect::Polish ? 4.3 : 1.0; }
    std::int64_t endSeconds() const { return std::int64_t(dataEnd) * 86400; }
};

std::string formatId(const char *prefix, std::int64_t number, int width);
core::Timestamp momentOf(double day); // maps a fractional day onto 07:00-21:00 of that day

void makeCampaigns(Context &ctx);
void makePerson(Context &ctx, Rng &rng, std::int64_t index, Person &person);
void writeCustomer(Context &ctx, const Person &person);
void writeGroundTruth(Context &ctx, const Person &person);
void writeOrders(Context &ctx, Rng &rng, const Person &person);
void writeOpportunities(Context &ctx, Rng &rng, const Person &person);
void writeInteractions(Context &ctx, Rng &rng, const Person &person);

} // namespace segdash::datagen
