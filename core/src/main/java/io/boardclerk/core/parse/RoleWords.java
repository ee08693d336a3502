package io.boardclerk.core.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of job titles and organisations in board minutes. A run of capitalised words none of which is here
 * reads as a person's name; a run with one of these reads as a role or a body.
 */
final class RoleWords {

    private static final Set<String> WORDS = Set.of(
            "chief", "constable", "constables", "deputy", "assistant", "acting", "interim", "temporary", "police",
            "crime", "commissioner", "commissioners", "director", "directors", "head", "officer", "officers",
            "manager", "executive", "finance", "financial", "office", "constabulary", "business", "support", "staff",
            "inspector", "superintendent", "sergeant", "council", "councillor", "cllr", "board", "strategic", "policy",
            "performance", "estates", "estate", "partnership", "partnerships", "commissioning", "communications",
            "communication", "engagement", "resources", "resource", "development", "chair", "chairman", "chairwoman",
            "vice", "secretary", "member", "members", "mayor", "panel", "authority", "service", "services",
            "corporate", "public", "operations", "operational", "governance", "legal", "counsel", "treasurer",
            "monitoring", "lead", "senior", "principal", "coordinator", "co-ordinator", "administrator", "adviser",
            "advisor", "analyst", "programme", "project", "projects", "change", "people", "human", "digital",
            "information", "technology", "transformation", "planning", "headquarters", "department", "directorate",
            "unit", "team", "group", "committee", "trust", "fire", "rescue", "ambulance", "nhs", "county", "city",
            "district", "borough", "region", "regional", "national", "audit", "risk", "safety", "health", "welfare",
            "professional", "standards", "criminal", "justice", "victim", "victims", "community", "communities",
            "neighbourhood", "safeguarding", "custody", "force", "forces", "detective", "general", "contact",
            "centre", "control", "commercial", "procurement", "fleet", "property", "accountant", "clerk", "solicitor",
            "independent", "joint", "policing", "assurance", "research", "insight", "analysis", "scrutiny",
            "quality", "compliance", "data", "protection", "equality", "diversity", "inclusion", "workforce",
            "training", "learning", "organisational", "organizational", "personal", "minister",
            "secretariat", "opcc", "pcc", "hmicfrs", "hmic", "constable's", "commissioner's", "officer's",
            "executive's", "chief's", "deputy's", "director's", "of", "the", "and", "for", "&", "to", "in",
            "mp", "qpm", "obe", "mbe", "cbe");

    private static final Pattern POSSESSIVE = Pattern.compile("[’']s$");
    private static final Pattern TRAILING_STOP = Pattern.compile("[.,]$");

    private RoleWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(TRAILING_STOP.matcher(POSSESSIVE.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("'s")).replaceAll(""));
    }
}
