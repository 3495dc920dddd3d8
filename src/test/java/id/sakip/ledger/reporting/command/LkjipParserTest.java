package id.sakip.ledger.reporting.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import id.sakip.ledger.reporting.api.PrintedTable;
import id.sakip.ledger.reporting.command.LkjipProblems.Problem;

/** The LKjIP parser reads plain data only and reports every problem with its path. */
public class LkjipParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static final String MINIMAL = """
            organisation: {id: kec-x, name: Kecamatan X}
            budget:
              fiscal_year: 2024
              programs:
                - number: 1
                  name: P
                  activities:
                    - number: 1
                      name: A
                      objective: S1
                      sub_activities:
                        - number: 1
                          code: 7.01.01.2.01.0001
                          name: L
                          class: barang_jasa
                          budget: 1000
                          realisations:
                            - {date: 2024-03-01, amount: 300, document: SP2D-1, description: first}
                            - {date: 2024-04-01, amount: 200, document: SP2D-2}
            """;

    private static LkjipDocument parse(String yaml) {
        return LkjipParser.parse(yaml.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    private static java.util.List<Problem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (LkjipProblems e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aLineMayCarryDatedRealisationsAndACode() {
        LkjipDocument doc = parse(MINIMAL);
        assertThat(doc.budget().realisations().get("7.01.01.2.01.0001")).hasSize(2);
        assertThat(doc.budget().realisations().get("7.01.01.2.01.0001").get(0).date()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(doc.digest()).hasSize(64);
    }

    @Test
    void aYamlAliasBombIsRefused() {
        assertThat(problems(aliasBomb())).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.message()).contains("bukan YAML yang sah");
        });
    }

    @Test
    void aTagThatWouldBuildAJavaObjectIsRefused() {
        String hostile = "organisation: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/x\"]]]]\n";
        assertThat(problems(hostile)).singleElement().satisfies(p -> assertThat(p.message()).contains("bukan YAML yang sah"));
    }

    @Test
    void invisibleOrReorderingCharactersInDocumentsAndDescriptionsAreRefusedWithTheirPath() {
        String bad = MINIMAL.replace("document: SP2D-1", "document: \"SP2D\\u200B-1\"")
                .replace("description: first", "description: \"Bayar \\u202E000.1\"");
        assertThat(problems(bad)).extracting(Problem::path).contains(
                "budget.programs[0].activities[0].sub_activities[0].realisations[0].document",
                "budget.programs[0].activities[0].sub_activities[0].realisations[0].description");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(problems("organisation: {id: a, name: b}\norganisation: {id: c, name: d}\n")).isNotEmpty();
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        String bad = MINIMAL.replace("budget: 1000", "budget: 1000.5").replace("amount: 200", "amount: -2")
                .replace("fiscal_year: 2024", "fiscal_year: 2024\n  fund: APBD");
        assertThat(problems(bad)).extracting(Problem::path).contains(
                "budget.programs[0].activities[0].sub_activities[0].budget",
                "budget.programs[0].activities[0].sub_activities[0].realisations[1].amount");
    }

    @Test
    void realisationsBeyondTheLineOrAfterTodayAreRefused() {
        assertThat(problems(MINIMAL.replace("amount: 300", "amount: 900"))).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("melebihi pagu baris"));
        assertThat(problems(MINIMAL.replace("fiscal_year: 2024", "fiscal_year: 2026")
                .replace("2024-03-01", "2026-12-01").replace("2024-04-01", "2026-04-01")))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("melewati hari ini"));
    }

    @Test
    void theLargestImportOneCommitTakesFitsUnderTheSizeLimit() {
        byte[] fifteenThousandRealisations = id.sakip.ledger.reporting.LargeLkjipFile.yaml("dinas-besar", 3750, 4);
        assertThat(fifteenThousandRealisations.length).isLessThan(LkjipParser.MAX_BYTES / 2);
        assertThat(LkjipParser.parse(fifteenThousandRealisations, TODAY).budget().realisations().values().stream()
                .mapToInt(java.util.List::size).sum()).isEqualTo(15_000);
    }

    @Test
    void aFileOverFourMegabytesIsRefusedBeforeParsing() {
        byte[] big = new byte[LkjipParser.MAX_BYTES + 1];
        assertThatThrownBy(() -> LkjipParser.parse(big, TODAY)).isInstanceOf(LkjipProblems.class)
                .hasMessageContaining("1 masalah");
    }

    @Test
    void jikensFileValidatesAgainstTheSchemaAndItsKeyedTablesReadAsTablesByMeaning() {
        LkjipDocument jiken = LkjipParser.parse(id.sakip.ledger.LedgerApiTest.jikenYaml(), TODAY);
        assertThat(jiken.printed()).extracting(PrintedTable::key, PrintedTable::label, PrintedTable::kind,
                PrintedTable::year).containsExactly(
                tuple("table_2_4_performance_agreement_program_budgets", "Tabel 2.4", "program_budgets", 2023),
                tuple("table_2_5_program_budgets", "Tabel 2.5", "program_budgets", 2023),
                tuple("table_3_2_2023", "Tabel 3.2", "indicator_achievement", 2023),
                tuple("table_3_3_comparison", "Tabel 3.3", "indicator_comparison", 2023),
                tuple("table_3_4_progress_to_2026", "Tabel 3.4", "renstra_progress", 2023),
                tuple("table_3_7_efficiency", "Tabel 3.7", "efficiency", 2023),
                tuple("table_3_9_budget_realisation", "Tabel 3.9", "budget_realisation", 2023),
                tuple("section_3_3_spending_split", "Bab 3.3", "class_split", 2023),
                tuple("table_2_6_amendment", "Tabel 2.6", "budget_amendment", 2023));
    }

    private static final String PERFORMANCE_ONLY = """
            organisation: {id: dinas-y, name: Dinas Y}
            strategic_plan:
              id: renstra
              period: {from: 2019, to: 2023}
              goals:
                - id: T1
                  name: Tujuan
                  objectives:
                    - id: S1
                      name: Sasaran
                      indicators:
                        - {id: IKU-1, name: Indeks, direction: higher_is_better, targets: {2020: 80, 2021: 82},
                           realisations: {2019: 70, 2020: 72.46}}
            printed:
              - {label: "Tabel 3.5", kind: indicator_achievement, rows: {IKU-1: {capaian: "90,58"}}}
              - {label: "Tabel 3.5", kind: indicator_achievement, year: 2019, rows: {IKU-1: {realisasi: "70"}}}
            """;

    @Test
    void aPrintedTableWithoutAYearIsOfTheLatestYearWithARealisationWhenTheFileHasNoBudget() {
        assertThat(parse(PERFORMANCE_ONLY).printed()).extracting(PrintedTable::label, PrintedTable::kind,
                PrintedTable::year, PrintedTable::key).containsExactly(
                tuple("Tabel 3.5", "indicator_achievement", 2020, null),
                tuple("Tabel 3.5", "indicator_achievement", 2019, null));
        assertThat(parse("report_year: 2021\n" + PERFORMANCE_ONLY).printed()).extracting(PrintedTable::year)
                .containsExactly(2021, 2019);
    }

    @Test
    void schemaViolationsAreListedInIndonesianWithTheirPaths() {
        String bad = PERFORMANCE_ONLY.replace("name: Dinas Y", "nama: Dinas Y")
                .replace("period: {from: 2019, to: 2023}", "period: {from: dua ribu, to: 2023}")
                .replace("kind: indicator_achievement, rows", "kind: capaian_iku, rows")
                .replace("capaian: \"90,58\"", "capaian: \"90.58\"") + "printd: []\n";
        assertThat(problems(bad)).extracting(Problem::path, Problem::message).contains(
                tuple("organisation.name", "wajib diisi"),
                tuple("strategic_plan.period.from", "harus berupa bilangan bulat, bukan teks"),
                tuple("printed[0].kind", "harus salah satu dari: " + String.join(", ", PrintedTable.KINDS)),
                tuple("printd", "tidak dikenal di sini (periksa ejaannya; lihat skema berkas LKjIP)"));
        assertThat(problems(PERFORMANCE_ONLY.replace("year: 2019, rows", "year: 2020, rows")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("printed[1].label", "Tabel 3.5 tahun 2020 tercantum dua kali"));
        assertThat(problems(PERFORMANCE_ONLY.replace("capaian: \"90,58\"", "capaian: \"90.58\"")))
                .extracting(Problem::path).containsExactly("printed[0].rows.IKU-1.capaian");
    }

    /** A "billion laughs" YAML: 10 levels of 10 aliases each, 10^10 nodes if expanded. */
    public static String aliasBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        return bomb.toString();
    }

    @Test
    void jikensGradingScalesAreReadAsTheDefaultScalesOfItsFiscalYear() {
        LkjipDocument doc = LkjipParser.parse(id.sakip.ledger.LedgerApiTest.jikenYaml(), TODAY);
        assertThat(doc.gradingScales()).hasSize(2);
        LkjipDocument.ImportedScale capaian = doc.gradingScales().get(0);
        assertThat(capaian.kind()).isEqualTo(id.sakip.ledger.performance.computation.ScaleKind.CAPAIAN);
        assertThat(capaian.effectiveFrom()).isEqualTo(2023);
        assertThat(new id.sakip.ledger.performance.computation.CategoryScale(capaian.cap(), capaian.bands())
                .sameAs(id.sakip.ledger.performance.computation.CategoryScale.JIKEN_CAPAIAN)).isTrue();
        LkjipDocument.ImportedScale efficiency = doc.gradingScales().get(1);
        assertThat(new id.sakip.ledger.performance.computation.CategoryScale(efficiency.cap(), efficiency.bands())
                .sameAs(id.sakip.ledger.performance.computation.CategoryScale.JIKEN_EFFICIENCY)).isTrue();
    }

    @Test
    void aScaleMayBeAMappingWithItsYearLegalBasisAndCap() {
        LkjipDocument doc = parse(MINIMAL + """
                grading_scales:
                  capaian:
                    effective_from: 2025
                    legal_basis: Permendagri 86/2017
                    cap: 100
                    bands:
                      - {from: 91, label: Sangat Tinggi}
                      - {below: 91, label: Lainnya}
                """);
        LkjipDocument.ImportedScale s = doc.gradingScales().get(0);
        assertThat(s.effectiveFrom()).isEqualTo(2025);
        assertThat(s.legalBasis()).isEqualTo("Permendagri 86/2017");
        assertThat(s.cap()).isEqualByComparingTo("100");
        assertThat(s.bands()).hasSize(2);
    }

    @Test
    void badScalesAreListedWithTheirPathsInIndonesian() {
        assertThat(problems(MINIMAL + """
                grading_scales:
                  capaian:
                    - {from: 91, label: Sangat Tinggi}
                    - {from: 76, upto: 90, label: Tinggi}
                    - {below: 76, label: Rendah}
                  efficiency:
                    - {rule: "< 0", abov: 3, label: Kurang}
                """)).extracting(Problem::path, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("grading_scales.capaian", "celah: pita 'Tinggi' (≥ 76 s.d. ≤ 90) "
                        + "dan 'Sangat Tinggi' (≥ 91) menyisakan nilai antara 90 dan 91 yang tidak masuk pita mana pun"),
                org.assertj.core.groups.Tuple.tuple("grading_scales.efficiency[0].abov",
                        "kunci tidak dikenal (above, from, upto, below, rule, label, grade, note)"));
        assertThat(problems(MINIMAL + """
                grading_scales:
                  efficiency:
                    - {rule: "~ 0", label: Aneh}
                """)).extracting(Problem::path).containsExactly("grading_scales.efficiency[0].rule");
    }
}
