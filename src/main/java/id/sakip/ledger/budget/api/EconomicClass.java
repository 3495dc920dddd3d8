package id.sakip.ledger.budget.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Economic classification of spending (kode rekening level 2): Belanja Pegawai, Barang dan Jasa, Modal. */
public enum EconomicClass {
    PEGAWAI("pegawai", "Belanja Pegawai"),
    BARANG_JASA("barang_jasa", "Belanja Barang dan Jasa"),
    MODAL("modal", "Belanja Modal");

    private final String code;
    private final String label;

    EconomicClass(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static EconomicClass fromCode(String code) {
        for (EconomicClass c : values()) {
            if (c.code.equals(code) || c.name().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown economic class '" + code + "' (pegawai, barang_jasa, modal)");
    }
}
