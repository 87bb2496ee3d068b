"""The shared registers' model: recommendations, agencies, glossary, legal instruments, services, and
the editors' own records (reviewed personal data, reviewed translations).

Like `model`, each class is the validation rule, the typed object and the JSON Schema of its file.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from pedoman.content.model import (
    AgencyId,
    Contacts,
    Date,
    NonBlank,
    ProvinceId,
    RecommendationId,
    RegulationId,
    Slug,
    Strict,
    Text,
    WebAddress,
)

# --- shared registers ------------------------------------------------------


class Source(Strict):
    title: Text
    publisher: Text
    date: Date
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] | None = None
    file: NonBlank | None = Field(default=None, description="The source record kept with the project")


class Recommendation(Strict):
    id: RecommendationId
    title: Text = Field(description="A short title for tables and navigation")
    text: Text = Field(description="The recommendation as agreed; `id` verbatim from the source")


class RecommendationsFile(Strict):
    source: Source
    recommendations: list[Recommendation] = Field(min_length=1)


AgencyStatus = Literal["active", "renamed", "merged", "split", "dissolved"]
AGENCY_GONE = ("split", "dissolved")
"""Statuses under which an institution may not be listed among a section's agencies."""


class Agency(Strict):
    id: AgencyId
    abbreviation: NonBlank | None = None
    name: Text
    level: Literal["national", "provincial", "district", "village", "international", "non-government"]
    status: AgencyStatus = "active"
    successors: list[AgencyId] = Field(
        default_factory=list, description="Who carries on its tasks (renamed, merged: one; split: two or more)")
    since: Date | None = Field(default=None, description="When the status took effect (required unless active)")
    basis: Text | None = Field(default=None, description="The decision that changed its status, and what moved where")

    @property
    def active(self) -> bool:
        return self.status == "active"

    def label(self, lang: str) -> str:
        """The full name, with the abbreviation when the name does not already contain it."""
        name = self.name.get(lang)
        return f"{name} ({self.abbreviation})" if self.abbreviation and self.abbreviation not in name else name

    def short(self, lang: str) -> str:
        """The abbreviation where there is one, for diagrams and narrow columns."""
        return self.abbreviation or self.name.get(lang)


class AgenciesFile(Strict):
    agencies: list[Agency] = Field(min_length=1)


# --- legal instruments -------------------------------------------------------

REGULATION_TYPES = ("UU", "Perppu", "PP", "Perpres", "Permen", "Perma", "Perban", "Perda", "Pergub", "Perbup",
                    "international")
RegulationStatus = Literal["in-force", "amended", "revoked", "replaced"]
REGULATION_GONE = ("revoked", "replaced")
"""Statuses under which an instrument may be cited only with `historical`."""


class Regulation(Strict):
    """A legal instrument the guidelines cite, with its status as last checked."""

    id: RegulationId = Field(description="type-number-year, e.g. uu-21-2007 or permen-pppa-10-2012")
    type: Literal["UU", "Perppu", "PP", "Perpres", "Permen", "Perma", "Perban", "Perda", "Pergub", "Perbup",
                  "international"]
    issuer: Text | None = Field(
        default=None, description="Whose regulation, for Permen, Perban and regional instruments, "
                                  "e.g. Menteri Pemberdayaan Perempuan dan Perlindungan Anak")
    number: Annotated[str, StringConstraints(pattern=r"^[0-9]+[A-Za-z]?$")] | None = Field(
        default=None, description="Required unless an international instrument")
    year: Annotated[int, Field(ge=1945, le=2100)]
    title: Text = Field(description="What it is about (after 'tentang'), or an international instrument's name")
    status: RegulationStatus
    amended_by: list[RegulationId] = Field(default_factory=list, description="Instruments amending it, oldest first")
    replaced_by: RegulationId | None = Field(default=None, description="The instrument that replaced or revoked it")
    status_note: Text | None = Field(default=None, description="What the status rests on, in a sentence")
    checked: Date = Field(description="When its status was last checked against an official source")
    published: Text = Field(description="Where the official text is published: gazette (LN/TLN, BN) or treaty series")
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] | None = None


class RegulationsFile(Strict):
    regulations: list[Regulation] = Field(min_length=1)


# --- services (who a victim is referred to) ----------------------------------

SERVICE_KINDS = ("hotline", "police", "witness-protection", "migrant-workers", "mission", "uptd-ppa", "shelter")
"""What a service is, in the order the services page lists them."""
ServiceKind = Literal["hotline", "police", "witness-protection", "migrant-workers", "mission", "uptd-ppa", "shelter"]
PROVINCIAL_KINDS = ("uptd-ppa", "migrant-workers", "shelter")
"""The kinds every province's part of the services page accounts for: an entry, or "no sourced entry yet"."""
SERVICE_STATUSES = ("active", "changed", "temporarily-closed", "closed")
ServiceStatus = Literal["active", "changed", "temporarily-closed", "closed"]
SERVICE_GONE = ("closed",)
"""Statuses under which a service may not be cited by a guideline."""


class Province(Strict):
    """A province the register accounts for: the services page lists each, with its entries or none."""

    id: Slug
    name: Text


class ServiceSource(Strict):
    """Where an entry's details were read: an official page, a release, or a news report quoting one."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["url"]}, {"required": ["publisher"]}]})

    title: Text = Field(description="What the source is, e.g. the release or article and who is quoted")
    publisher: Text | None = Field(default=None, description="Who published it (required without a url)")
    date: Date | None = Field(default=None, description="When it was published")
    url: WebAddress | None = None

    @model_validator(mode="after")
    def _findable(self) -> "ServiceSource":
        if self.url is None and self.publisher is None:
            raise ValueError("expected 'url' or 'publisher', saying where the source can be found")
        return self


class Service(Strict):
    """A service a victim is referred to, with its contacts as published, its source and when it was checked."""

    id: Slug = Field(description="The id guidelines cite in a section's `services`, e.g. sapa-129")
    name: Text
    kind: ServiceKind
    level: Literal["national", "provincial", "district"]
    province: ProvinceId | None = Field(
        default=None, description="An id from this file's `provinces` (required unless the service is national)")
    agency: AgencyId | None = Field(default=None, description="The institution it belongs to, from agencies.yaml")
    serves: Text = Field(description="Who it serves and what for")
    hours: Text | None = Field(default=None, description="When it can be reached, as published")
    contacts: Contacts
    sources: list[ServiceSource] = Field(min_length=1, description="Where each contact was read")
    checked: Date = Field(description="When the entry was last checked against its sources")
    status: ServiceStatus = Field(description="active, changed (renamed or moved: say how in status_note), "
                                              "temporarily-closed or closed")
    status_note: Text | None = Field(default=None, description="What changed (required unless active)")


class ServicesFile(Strict):
    provinces: list[Province] = Field(min_length=1)
    services: list[Service] = Field(min_length=1)


class Term(Strict):
    term: NonBlank = Field(description="The abbreviation or term as written in the text")
    expansion: Text
    definition: Text | None = None


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)


class ReviewedValue(Strict):
    value: NonBlank = Field(description="The exact text as it appears in a guideline")
    note: NonBlank = Field(description="Who this contact belongs to and why it may be published")


class ReviewedFile(Strict):
    """Values an editor has checked and allows in guidelines (optional file: reviewed.yaml)."""

    personal_data: list[ReviewedValue] = Field(default_factory=list)


class TranslationsFile(Strict):
    """Written by `pedoman translations --mark-reviewed` (optional file: translations.yaml)."""

    reviewed: dict[Slug, dict[str, Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]]] = Field(
        default_factory=dict,
        description="Guideline id → field key → fingerprint of the Indonesian text the English was checked against",
    )


REGISTERS = {
    "recommendations.yaml": RecommendationsFile,
    "agencies.yaml": AgenciesFile,
    "glossary.yaml": GlossaryFile,
    "regulations.yaml": RegulationsFile,
    "services.yaml": ServicesFile,
}
"""The shared registers every content folder holds, by file name: validation reads them, `pedoman
schema` writes a schema for each."""
OPTIONAL_REGISTERS = {"reviewed.yaml": ReviewedFile, "translations.yaml": TranslationsFile}
"""The editors' own records, present once an editor made one."""
