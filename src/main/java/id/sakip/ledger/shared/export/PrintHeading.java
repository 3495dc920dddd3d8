package id.sakip.ledger.shared.export;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a printed report says around its tables: whose it is, the moment its figures stand at, when it was
 * made, and who signs it.
 *
 * @param organisationName the organisation's name, e.g. Kecamatan Jiken
 * @param asOf             the moment the ledger's figures are taken at; {@code null} for the ledger as it stands
 * @param generatedAt      when the file was made
 * @param signature        the signature block at the end
 */
public record PrintHeading(String organisationName, Instant asOf, Instant generatedAt, Signature signature) {

    /**
     * The block a head of an organisation signs under: place and date, title, name and NIP.
     *
     * @param place     where it is signed, e.g. Jiken; {@code null} leaves a dotted space
     * @param date      the date it is signed
     * @param title     the signing office, e.g. Camat Jiken
     * @param name      the head's name; {@code null} leaves a line to write it
     * @param nip       the head's NIP (civil-servant number); {@code null} leaves a line to write it
     */
    public record Signature(String place, LocalDate date, String title, String name, String nip) {
    }
}
