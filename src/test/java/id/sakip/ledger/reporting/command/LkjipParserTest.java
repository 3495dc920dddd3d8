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
    void aFileOverTenMegabytesIsRefusedBeforeParsing() {
        byte[] big = new byte[LkjipParser.MAX_BYTES + 1];
        assertThatThrownBy(() -> LkjipParser.parse(big, TODAY)).isInstanceOf(LkjipProblems.class)
                .hasMessageContaining("1 masalah");
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
}
