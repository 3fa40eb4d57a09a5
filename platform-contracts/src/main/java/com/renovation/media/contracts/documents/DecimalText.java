package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes an amount as a JSON string of its plain digits ("1000", never "1E+3"): exact in every reader, and
 * the form estimates have always had on the wire. Strings and numbers are both read back.
 */
public final class DecimalText extends StdSerializer<BigDecimal> {

    public DecimalText() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        generator.writeString(value.toPlainString());
    }
}
