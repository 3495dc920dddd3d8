package id.sakip.ledger.reporting;

import java.nio.charset.StandardCharsets;

/**
 * A generated LKjIP file of the size an OPD of a large kabupaten sends: {@code lines} budget lines in
 * activities of 100, each with {@code perLine} realisations of 1 000 000 in fiscal year 2025.
 */
public final class LargeLkjipFile {

    public static final int YEAR = 2025;
    public static final long AMOUNT = 1_000_000;

    private LargeLkjipFile() {
    }

    /** The YAML of the file for organisation {@code org}. */
    public static byte[] yaml(String org, int lines, int perLine) {
        StringBuilder y = new StringBuilder(lines * 400);
        y.append("organisation:\n  id: ").append(org).append("\n  name: Dinas Uji Impor ").append(org)
                .append("\n  kabupaten: Blora\n  provinsi: Jawa Tengah\n  head: Kepala Dinas\n");
        y.append("budget:\n  fiscal_year: ").append(YEAR).append("\n  fund: APBD\n  programs:\n")
                .append("    - number: 1\n      name: Program Uji Impor Besar\n      activities:\n");
        for (int line = 1; line <= lines; line++) {
            if ((line - 1) % 100 == 0) {
                int activity = (line - 1) / 100 + 1;
                y.append("        - number: ").append(activity).append("\n          name: Kegiatan ").append(activity)
                        .append("\n          objective: S1\n          sub_activities:\n");
            }
            y.append("            - number: ").append(line).append("\n              name: Sub Kegiatan ").append(line)
                    .append("\n              class: barang_jasa\n              budget: ").append(perLine * AMOUNT * 2)
                    .append("\n              realisations:\n");
            for (int r = 1; r <= perLine; r++) {
                y.append("                - {date: ").append(YEAR).append("-0").append(1 + r % 9)
                        .append("-15, amount: ").append(AMOUNT).append(", document: SP2D-").append(line).append('-')
                        .append(r).append("}\n");
            }
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Events the file records into an empty ledger: the organisation, the budget and every realisation. */
    public static long events(int lines, int perLine) {
        return 2L + (long) lines * perLine;
    }
}
