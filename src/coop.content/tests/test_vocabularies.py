"""The reference vocabularies of the cooperative directory."""

from coop.content.vocabularies.cpv import CPV_DIVISIONS
from coop.content.vocabularies.geography import department_for_postal_code
from coop.content.vocabularies.geography import DEPARTMENT_REGION
from coop.content.vocabularies.geography import DEPARTMENTS
from coop.content.vocabularies.geography import is_valid_postal_code
from coop.content.vocabularies.geography import region_for_department
from coop.content.vocabularies.geography import REGIONS
from coop.content.vocabularies.legal_forms import LEGAL_FORMS
from coop.content.vocabularies.naf import NAF_SECTIONS

import pytest


class TestGeography:
    def test_counts(self):
        assert len(DEPARTMENTS) == 101
        assert len(REGIONS) == 18

    def test_codes_are_unique(self):
        assert len(dict(DEPARTMENTS)) == len(DEPARTMENTS)
        assert len(dict(REGIONS)) == len(REGIONS)

    def test_every_department_has_a_region(self):
        region_codes = dict(REGIONS)
        for code, _name in DEPARTMENTS:
            assert region_for_department(code) in region_codes

    def test_every_region_has_a_department(self):
        assert set(DEPARTMENT_REGION.values()) == set(dict(REGIONS))
        assert set(DEPARTMENT_REGION) == set(dict(DEPARTMENTS))

    @pytest.mark.parametrize(
        "department,region,region_name",
        [
            ("74", "84", "Auvergne-Rhône-Alpes"),
            ("34", "76", "Occitanie"),
            ("2A", "94", "Corse"),
            ("2B", "94", "Corse"),
            ("971", "01", "Guadeloupe"),
            ("75", "11", "Île-de-France"),
        ],
    )
    def test_region_of_department(self, department, region, region_name):
        assert region_for_department(department) == region
        assert dict(REGIONS)[region] == region_name

    def test_unknown_department_has_no_region(self):
        assert region_for_department("20") is None
        assert region_for_department(None) is None

    @pytest.mark.parametrize(
        "code,name",
        [
            ("07", "Ardèche"),
            ("22", "Côtes-d'Armor"),
            ("74", "Haute-Savoie"),
            ("90", "Territoire de Belfort"),
            ("95", "Val-d'Oise"),
            ("974", "La Réunion"),
        ],
    )
    def test_department_names(self, code, name):
        assert dict(DEPARTMENTS)[code] == name

    @pytest.mark.parametrize(
        "postal_code,department",
        [
            ("74600", "74"),
            (" 74600 ", "74"),
            ("01000", "01"),
            ("20000", "2A"),
            ("20090", "2A"),
            ("20200", "2B"),
            ("20600", "2B"),
            ("97400", "974"),
            ("97600", "976"),
            ("97500", None),
            ("98000", None),
            ("7460", None),
            ("746000", None),
            ("ABCDE", None),
            ("00100", None),
            ("٧٤٦٠٠", None),
            ("", None),
            (None, None),
        ],
    )
    def test_department_for_postal_code(self, postal_code, department):
        assert department_for_postal_code(postal_code) == department
        assert is_valid_postal_code(postal_code) is (department is not None)


class TestReferenceLists:
    def test_naf_sections(self):
        sections = dict(NAF_SECTIONS)
        assert "".join(sections) == "ABCDEFGHIJKLMNOPQRSTU"
        assert sections["F"] == "Construction"
        assert sections["J"] == "Information et communication"
        assert sections["Q"] == "Santé humaine et action sociale"

    def test_cpv_divisions(self):
        divisions = dict(CPV_DIVISIONS)
        assert len(divisions) == len(CPV_DIVISIONS) == 45
        assert list(divisions) == sorted(divisions)
        assert divisions["45"] == "Travaux de construction"

    def test_legal_forms(self):
        assert len(dict(LEGAL_FORMS)) == len(LEGAL_FORMS) == 14
        assert dict(LEGAL_FORMS)["cae"] == "Coopérative d'activités et d'emploi (CAE)"


class TestRegisteredVocabularies:
    @pytest.mark.parametrize(
        "name,length,token,title",
        [
            ("coop.content.departments", 101, "01", "01 – Ain"),
            ("coop.content.departments", 101, "2A", "2A – Corse-du-Sud"),
            ("coop.content.regions", 18, "84", "Auvergne-Rhône-Alpes"),
            ("coop.content.naf_sections", 21, "F", "F – Construction"),
            ("coop.content.cpv_divisions", 45, "45", "45 – Travaux de construction"),
            ("coop.content.legal_forms", 14, "scop_sarl", "Scop SARL"),
        ],
    )
    def test_vocabulary(self, portal, get_vocabulary, name, length, token, title):
        vocabulary = get_vocabulary(name, portal)
        assert len(vocabulary) == length
        term = vocabulary.getTermByToken(token)
        assert term.value == token
        assert term.title == title
