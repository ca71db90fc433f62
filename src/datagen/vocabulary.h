#pragma once
// The words of a dialect: names, places, industries and every enum label the files
// use. All text is UTF-8 and, for the Polish dialect, representable in Windows-1250.
#include <string>
#include <string_view>
#include <vector>

#include "datagen/generator.h"

namespace segdash::datagen {

struct Place {
    const char *country; // ISO 3166-1 alpha-2
    const char *region;
    const char *city;
    const char *phonePrefix;
    const char *tld;
    double weight;
};

struct Channel {
    const char *label;
    double costMin, costMax; // acquisition cost range
};

/// One dialect's vocabulary; index-aligned arrays share meaning across dialects.
struct Vocabulary {
    std::vector<const char *> maleFirst, femaleFirst, surnames;
    std::vector<const char *> companyWords, companySuffixes, freemail;
    std::vector<Place> places;
    std::vector<const char *> industries;
    std::vector<const char *> sizeBands;        // 1-10 ... 1000+
    std::vector<Channel> channels;              // web, paid search, referral, trade show, outbound, partner
    std::vector<const char *> salesReps;
    std::vector<const char *> lifecycle;        // new, active, at risk, churned
    std::vector<const char *> orderChannels;    // web shop, phone, e-mail, field sales, marketplace
    std::vector<const char *> orderKinds;       // sale, return, cancellation
    std::vector<const char *> oppStages;        // prospecting .. negotiation, won, lost
    std::vector<const char *> oppStatus;        // open, won, lost
    std::vector<const char *> oppKinds;         // new business, upsell, renewal
    std::vector<const char *> interactionKinds; // core::InteractionKind order
    std::vector<const char *> campaignChannels; // e-mail, social, web, event
    std::vector<const char *> campaignThemes, audiences;
    std::vector<const char *> goodComments, neutralComments, badComments;
    std::vector<const char *> webPages, socialActions, callTopics;
    const char *currency;
    const char *dealWord; // "deal" / "szansa"
};

const Vocabulary &vocabulary(Dialect dialect);

// Female form of a Polish surname (Kowalski -> Kowalska); other surnames unchanged.
std::string femaleSurname(std::string_view surname, Dialect dialect);
// Lower-case ASCII slug for e-mail addresses and domains: Polish and German letters
// folded, everything but [a-z0-9] dropped (or replaced by `sep` between words).
std::string asciiSlug(std::string_view text, char sep);

} // namespace segdash::datagen
