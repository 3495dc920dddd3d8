package id.sakip.ledger.organisation.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import id.sakip.ledger.eventstore.metadata.OrganisationScoped;

/**
 * Record that a new head (a new Camat, a new Kepala Dinas) signs an organisation's reports from a date on.
 *
 * @param organisationId the organisation, e.g. {@code kec-jiken}
 * @param head           the head's title (Camat, Kepala Dinas …); blank keeps the title recorded
 * @param headName       the new head's name, as it is printed under the signature
 * @param headNip        the new head's NIP (digits, optionally grouped by spaces); may be absent
 * @param reportPlace    the place reports are signed at; blank keeps the place recorded
 * @param effectiveDate  the first day the new head is in office
 * @param reason         why the signer changes, e.g. Mutasi jabatan
 * @param legalBasis     the decree that appoints the head, e.g. Keputusan Bupati Blora Nomor 821.2/15/2024
 */
public record ChangeSignatory(@TargetAggregateIdentifier String organisationId, String head, String headName,
                              String headNip, String reportPlace, LocalDate effectiveDate, String reason,
                              String legalBasis) implements OrganisationScoped {
}
