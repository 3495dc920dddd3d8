package id.sakip.ledger.organisation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.stereotype.Component;

import id.sakip.ledger.organisation.query.OrganisationDirectory;
import id.sakip.ledger.organisation.query.OrganisationDirectory.OrganisationView;
import id.sakip.ledger.organisation.query.OrganisationDirectory.Signatory;
import id.sakip.ledger.shared.LedgerClock;
import id.sakip.ledger.shared.export.PrintHeading;

/**
 * The heading and signature block of an organisation's printed reports, from its registered data: a report
 * as of a moment is signed by the head in office on that day (WIB), one of the ledger as it stands by today's.
 */
@Component
public class PrintHeadings {

    private final OrganisationDirectory organisations;
    private final Clock clock;

    public PrintHeadings(OrganisationDirectory organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The heading of a report of {@code organisationId} with figures as of {@code asOf} ({@code null}: now), made now. */
    public PrintHeading of(String organisationId, Instant asOf) {
        Instant now = clock.instant();
        OrganisationView o = organisations.find(organisationId).orElse(null);
        if (o == null) {
            return new PrintHeading(organisationId, asOf, now, new PrintHeading.Signature(null,
                    LedgerClock.today(clock), null, null, null));
        }
        LocalDate today = LedgerClock.today(clock);
        LocalDate inOffice = asOf == null ? today : LocalDate.ofInstant(asOf, LedgerClock.WIB);
        Signatory s = organisations.signatoryOn(organisationId, inOffice).orElse(new Signatory(null, o.head(),
                o.headName(), o.headNip(), o.reportPlace(), null, null));
        return new PrintHeading(o.name(), asOf, now, new PrintHeading.Signature(s.reportPlace(), today,
                office(s.head(), o.name()), s.headName(), s.headNip()));
    }

    /**
     * The signing office as a report writes it: the head's title and the organisation's name without the word
     * the title already says ("Camat" of "Kecamatan Jiken" is "Camat Jiken"; "Kepala Dinas" of "Dinas
     * Pendidikan" is "Kepala Dinas Pendidikan"); the title alone for no name, "Kepala" + name for no title.
     */
    static String office(String head, String name) {
        String title = head == null || head.isBlank() ? "Kepala" : head.strip();
        if (name == null || name.isBlank()) {
            return title;
        }
        String[] words = name.strip().split("\\s+", 2);
        String last = title.substring(title.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        String first = words[0].toLowerCase(Locale.ROOT);
        boolean said = words.length == 2 && (first.equals(last) || first.equals("kecamatan") && last.equals("camat")
                || first.equals("kelurahan") && last.equals("lurah"));
        return title + " " + (said ? words[1] : name.strip());
    }
}
