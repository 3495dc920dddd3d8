package id.sakip.ledger.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import id.sakip.ledger.shared.export.ExportFormat;

/**
 * Maps a report endpoint's {@code ?format=xlsx|csv|pdf} variant: the same path as its JSON handler,
 * chosen when the {@code format} parameter is present, producing the file types.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.GET, params = "format", produces = {ExportFormat.XLSX_TYPE, ExportFormat.CSV_TYPE, ExportFormat.PDF_TYPE})
public @interface ReportFileMapping {

    /** The report's path, as on its JSON handler. */
    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String[] value();
}
