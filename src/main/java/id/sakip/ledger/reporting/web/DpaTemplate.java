package id.sakip.ledger.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import id.sakip.ledger.reporting.command.DpaWorkbook;

/**
 * The DPA workbook template: a sheet of budget lines and a sheet of realisation entries with Indonesian
 * headings, one example row each and rupiah and date formats, and a sheet explaining how to fill them.
 */
public final class DpaTemplate {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String FILE_NAME = "templat-dpa.xlsx";

    private DpaTemplate() {
    }

    public static byte[] workbook(int year) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            CellStyle rupiah = book.createCellStyle();
            rupiah.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd-mm-yyyy"));

            Sheet lines = book.createSheet("Anggaran");
            heading(lines, DpaWorkbook.LINE_HEADINGS, header);
            Row line = lines.createRow(1);
            Object[] example = {1, null, 1, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1,
                    "Administrasi Keuangan Perangkat Daerah", "Penyediaan Gaji dan Tunjangan ASN", "Belanja Pegawai",
                    1_443_000_000L, 120_250_000L, "S1", "Gaji dan Tunjangan ASN yang terbayarkan", 14, "bulan",
                    "Persentase tercapainya program penunjang urusan pemerintahan daerah", 100, "%", "S1",
                    "Persentase pemenuhan administrasi keuangan PD", 100, "%"};
            for (int c = 0; c < example.length; c++) {
                if (example[c] instanceof Number n) {
                    line.createCell(c).setCellValue(n.doubleValue());
                } else if (example[c] != null) {
                    line.createCell(c).setCellValue(example[c].toString());
                }
            }
            line.getCell(8).setCellStyle(rupiah);
            line.getCell(9).setCellStyle(rupiah);
            widths(lines, new int[]{6, 10, 9, 40, 10, 40, 45, 24, 18, 18, 10, 40, 9, 10, 40, 9, 10, 10, 40, 9, 10});

            Sheet entries = book.createSheet("Realisasi");
            heading(entries, DpaWorkbook.ENTRY_HEADINGS, header);
            Row entry = entries.createRow(1);
            entry.createCell(0).setCellValue(1);
            entry.createCell(1).setCellValue(LocalDate.of(year, 1, 25));
            entry.getCell(1).setCellStyle(date);
            entry.createCell(2).setCellValue("SP2D 0001/LS/" + year);
            entry.createCell(3).setCellValue(120_250_000d);
            entry.getCell(3).setCellStyle(rupiah);
            entry.createCell(4).setCellValue("Gaji ASN bulan Januari");
            widths(entries, new int[]{14, 14, 26, 18, 45});

            Sheet help = book.createSheet("Petunjuk");
            String[] text = {
                    "Sheet Anggaran: satu baris per sub kegiatan. Wajib: No, Program, Sub kegiatan, Jenis belanja, Anggaran.",
                    "Kode (bila ada) menjadi pengenal sub kegiatan; tanpa Kode, pengenalnya No.",
                    "Indikator, Target dan Satuan program dan kegiatan (boleh kosong) ditulis sama di setiap baris"
                            + " program atau kegiatan itu; Sasaran kegiatan berlaku bagi sub kegiatan tanpa Sasaran.",
                    "Jenis belanja: Belanja Pegawai, Belanja Barang dan Jasa, atau Belanja Modal.",
                    "Jumlah rupiah: angka, atau teks seperti 1.500.000 / Rp 1.500.000 / 1.500.000,00; tanpa sen, tanpa kata (juta).",
                    "Realisasi di sheet Anggaran boleh diisi tanpa rincian: dicatat sebagai satu rekap per sub kegiatan,"
                            + " bertanggal 31 Desember (atau hari ini bila tahunnya belum berakhir).",
                    "Sheet Realisasi: satu baris per SP2D/SPJ. Sub kegiatan diisi dengan Kode atau No dari sheet Anggaran.",
                    "Tanggal: tanggal Excel, atau teks 20-11-" + year + " / " + year + "-11-20, di dalam tahun anggaran.",
                    "Bila Realisasi di sheet Anggaran juga diisi, nilainya harus sama dengan jumlah entri sub kegiatan itu.",
                    "Rumus boleh dipakai; yang dibaca adalah nilai yang disimpan Excel, bukan rumusnya.",
                    "Ekspor Tabel 3.9 (XLSX) dari buku besar dapat diimpor kembali: sheet terakhirnya, Rincian DPA,"
                            + " berkolom sama dengan sheet Anggaran dan memuat seluruh pohon DPA; bila sheet Tabel 3.9"
                            + " tidak cocok dengannya, buku kerja ditolak.",
                    "Bila ada masalah, pratinjau menyebut sheet, baris dan kolomnya, dan tidak ada yang dicatat."};
            for (int i = 0; i < text.length; i++) {
                help.createRow(i).createCell(0).setCellValue(text[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(Sheet sheet, List<String> headings, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headings.size(); c++) {
            row.createCell(c).setCellValue(headings.get(c));
            row.getCell(c).setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void widths(Sheet sheet, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }
}
