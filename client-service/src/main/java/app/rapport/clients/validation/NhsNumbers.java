package app.rapport.clients.validation;

/** NHS numbers: ten digits, the last a modulus-11 check digit over the first nine (weights 10 down to 2). */
public final class NhsNumbers {

    private NhsNumbers() {
    }

    public static boolean isValid(String value) {
        String digits = value.replace(" ", "");
        if (!digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        // A remainder giving 10 means no valid check digit exists for the first nine digits.
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The stored form: ten digits, no spaces. */
    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "");
    }
}
