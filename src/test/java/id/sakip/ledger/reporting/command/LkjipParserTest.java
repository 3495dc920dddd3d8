package id.sakip.ledger.reporting.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

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
            assertThat(p.message()).contains("not valid YAML");
        });
    }

    @Test
    void aTagThatWouldBuildAJavaObjectIsRefused() {
        String hostile = "organisation: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/x\"]]]]\n";
        assertThat(problems(hostile)).singleElement().satisfies(p -> assertThat(p.message()).contains("not valid YAML"));
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
                .anySatisfy(m -> assertThat(m).contains("exceeds the line's budget"));
        assertThat(problems(MINIMAL.replace("fiscal_year: 2024", "fiscal_year: 2026")
                .replace("2024-03-01", "2026-12-01").replace("2024-04-01", "2026-04-01")))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("after today"));
    }

    @Test
    void aFileOverTenMegabytesIsRefusedBeforeParsing() {
        byte[] big = new byte[LkjipParser.MAX_BYTES + 1];
        assertThatThrownBy(() -> LkjipParser.parse(big, TODAY)).isInstanceOf(LkjipProblems.class)
                .hasMessageContaining("1 problem");
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
                    - {rule: "~ 0", label: Aneh}
                    - {rule: "< 0", abov: 3, label: Kurang}
                """)).extracting(Problem::path, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("grading_scales.capaian", "celah: pita 'Tinggi' (≥ 76 s.d. ≤ 90) "
                        + "dan 'Sangat Tinggi' (≥ 91) menyisakan nilai antara 90 dan 91 yang tidak masuk pita mana pun"),
                org.assertj.core.groups.Tuple.tuple("grading_scales.efficiency[0]",
                        "aturan \"~ 0\" tidak dikenal: tulis > x, >= x, = x, < x atau <= x"),
                org.assertj.core.groups.Tuple.tuple("grading_scales.efficiency[1].abov",
                        "kunci tidak dikenal (above, from, upto, below, rule, label)"));
    }
}
