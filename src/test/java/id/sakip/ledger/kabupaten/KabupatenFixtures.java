package id.sakip.ledger.kabupaten;

/**
 * The LKjIP files of a kabupaten that is not Jiken's: Kabupaten Sukamaju with a dinas (budget, two
 * IKU, a printed Table 3.9 with a wrong total), a kecamatan (budget, a SAKIP IKU) and a badan with no
 * budget and no realised IKU; and a kecamatan of another kabupaten, Sukamundur.
 */
final class KabupatenFixtures {

    static final String KABUPATEN = "sukamaju";
    static final String OTHER_KABUPATEN = "sukamundur";
    static final String DINAS = "dinas-sukamaju";
    static final String KECAMATAN = "kec-sukamaju";
    static final String BADAN = "badan-sukamaju";
    static final String OUTSIDE = "kec-sukamundur";
    static final int YEAR = 2024;

    private KabupatenFixtures() {
    }

    static String dinas() {
        return """
                organisation:
                  id: dinas-sukamaju
                  name: Dinas Pendidikan Sukamaju
                  kabupaten: Kabupaten Sukamaju
                  provinsi: Jawa Tengah
                  head: Kepala Dinas
                strategic_plan:
                  id: renstra-2021-2026
                  period: {from: 2021, to: 2026}
                  goals:
                    - id: T1
                      name: Pendidikan merata
                      objectives:
                        - id: S1
                          name: Meningkatnya angka partisipasi sekolah
                          indicators:
                            - id: IKU-A1
                              name: Jumlah sekolah terakreditasi
                              unit: sekolah
                              direction: higher_is_better
                              targets: {2024: 3}
                              realisations: {2024: 2}
                            - id: IKU-A2
                              name: Persentase guru bersertifikat
                              unit: "%"
                              direction: higher_is_better
                              targets: {2024: 3}
                              realisations: {2024: 3}
                budget:
                  fiscal_year: 2024
                  fund: APBD
                  programs:
                    - number: 1
                      name: Program Pengelolaan Pendidikan
                      activities:
                        - number: 1
                          name: Pengelolaan Pendidikan Sekolah Dasar
                          objective: S1
                          sub_activities:
                            - {number: 1, name: Pembangunan Ruang Kelas, class: modal, budget: 1000000, realisations: [{date: 2024-02-15, amount: 600000, document: SP2D-A1}]}
                            - {number: 2, name: Penyediaan Buku Pelajaran, class: barang_jasa, budget: 3000000, realisations: [{date: 2024-05-20, amount: 3000000, document: SP2D-A2}]}
                printed:
                  table_3_9_budget_realisation:
                    total: [4100000, 3600000, 500000, "88%"]
                """;
    }

    static String kecamatan() {
        return """
                organisation:
                  id: kec-sukamaju
                  name: Kecamatan Sukamaju
                  kabupaten: Kabupaten Sukamaju
                  provinsi: Jawa Tengah
                  head: Camat
                strategic_plan:
                  id: renstra-2021-2026
                  period: {from: 2021, to: 2026}
                  goals:
                    - id: T1
                      name: Birokrasi akuntabel
                      objectives:
                        - id: S1
                          name: Meningkatnya akuntabilitas kinerja
                          indicators:
                            - id: IKU-B1
                              name: Nilai SAKIP Kecamatan
                              unit: nilai
                              direction: higher_is_better
                              grading: sakip
                              targets: {2024: 70}
                budget:
                  fiscal_year: 2024
                  fund: APBD
                  programs:
                    - number: 1
                      name: Program Penunjang Urusan Pemerintahan
                      activities:
                        - number: 1
                          name: Administrasi Umum
                          objective: S1
                          sub_activities:
                            - {number: 1, name: Penyediaan Bahan Logistik Kantor, class: barang_jasa, budget: 2000000, realisations: [{date: 2024-03-10, amount: 500000, document: SP2D-B1}]}
                """;
    }

    static String badan() {
        return """
                organisation:
                  id: badan-sukamaju
                  name: Badan Perencanaan Pembangunan Daerah Sukamaju
                  kabupaten: Sukamaju
                  provinsi: Jawa Tengah
                  head: Kepala Badan
                strategic_plan:
                  id: renstra-2021-2026
                  period: {from: 2021, to: 2026}
                  goals:
                    - id: T1
                      name: Perencanaan terpadu
                      objectives:
                        - id: S1
                          name: Meningkatnya kualitas perencanaan
                          indicators:
                            - id: IKU-C1
                              name: Persentase dokumen perencanaan tepat waktu
                              unit: "%"
                              direction: higher_is_better
                              targets: {2024: 100}
                """;
    }

    static String outside() {
        return """
                organisation:
                  id: kec-sukamundur
                  name: Kecamatan Sukamundur
                  kabupaten: Sukamundur
                  provinsi: Jawa Tengah
                  head: Camat
                budget:
                  fiscal_year: 2024
                  fund: APBD
                  programs:
                    - number: 1
                      name: Program Penunjang Urusan Pemerintahan
                      activities:
                        - number: 1
                          name: Administrasi Umum
                          objective: S1
                          sub_activities:
                            - {number: 1, name: Penyediaan Jasa Surat Menyurat, class: barang_jasa, budget: 1000000}
                """;
    }

    /** The first LKjIP file of a kecamatan: its registration and a budget of one line with one realisation. */
    static String kecamatanOf(String organisationId, String name, String kabupaten) {
        return """
                organisation:
                  id: %s
                  name: %s
                  kabupaten: %s
                  provinsi: Jawa Tengah
                  head: Camat
                budget:
                  fiscal_year: 2024
                  fund: APBD
                  programs:
                    - number: 1
                      name: Program Penunjang Urusan Pemerintahan
                      activities:
                        - number: 1
                          name: Administrasi Umum
                          objective: S1
                          sub_activities:
                            - {number: 1, name: Penyediaan Jasa Surat Menyurat, class: barang_jasa, budget: 1000000, realisations: [{date: 2024-04-02, amount: 250000, document: SP2D-%s}]}
                """.formatted(organisationId, name, kabupaten, organisationId);
    }
}
