"""Words about places: demonyms and country names in news use that the country data lacks."""

from __future__ import annotations

# Demonyms -> country come from the countryinfo package (see ``names.demonym_country``), which
# gives one demonym per country. These are spellings in common news use that it lacks
# ("Argentine" beside its "Argentinean", "Saudi" beside "Saudi Arabian") or names it a country
# differently from the news ("Bosnian": Bosnia, not Bosnia and Herzegovina); they win.
DEMONYM_VARIANTS: dict[str, str] = {
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "bosnian": "Bosnia",
    "ecuadorian": "Ecuador",
    "icelandic": "Iceland",
    "kazakh": "Kazakhstan",
    "korean": "Korea",
    "nepali": "Nepal",
    "saudi": "Saudi Arabia",
    "slovenian": "Slovenia",
    "uzbek": "Uzbekistan",
}

# Other names of countries come from the countryinfo package's ``altSpellings`` (see
# ``names.country_alias``): "Great Britain", "UK", "Holland", "Russian Federation". Its data
# lacks "Britain", the everyday news name of the United Kingdom (no installed package, not
# countryinfo, nameparser or spaCy's model data, gives it; countryinfo has only "Great
# Britain"), so it is added here.
PLACE_NAME_VARIANTS: dict[str, str] = {
    "britain": "United Kingdom",
}
