package app.rapport.notifications.email;

import app.rapport.notifications.domain.EmailDelivery;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Plain and HTML bodies of a notification email or a daily digest, in the recipient's language where there is one. */
public record EmailText(String subject, String plain, String html) {

    private static final String BUNDLE = "app.rapport.notifications.messages";

    static EmailText single(EmailDelivery item, String language, String webClientUrl) {
        ResourceBundle bundle = bundle(language);
        String url = webClientUrl + item.link;
        String plain = item.title + "\n\n" + text(bundle, "email.open") + " " + url + "\n\n-- \n" + text(bundle, "email.footer") + "\n";
        String html = "<!DOCTYPE html><html><body><p>" + escape(item.title) + "</p><p><a href=\"" + escape(url) + "\">"
                + escape(text(bundle, "email.open")) + "</a></p><hr><p style=\"color:#666\">"
                + escape(text(bundle, "email.footer")) + "</p></body></html>";
        return new EmailText(item.title, plain, html);
    }

    static EmailText digest(List<EmailDelivery> items, String language, String webClientUrl) {
        ResourceBundle bundle = bundle(language);
        String subject = text(bundle, "email.digest.subject").replace("{count}", Integer.toString(items.size()));
        StringBuilder plain = new StringBuilder(subject).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p>").append(escape(subject)).append("</p><ul>");
        for (EmailDelivery item : items) {
            String url = webClientUrl + item.link;
            plain.append("- ").append(item.title).append("\n  ").append(url).append("\n");
            html.append("<li><a href=\"").append(escape(url)).append("\">").append(escape(item.title)).append("</a></li>");
        }
        plain.append("\n-- \n").append(text(bundle, "email.footer")).append("\n");
        html.append("</ul><hr><p style=\"color:#666\">").append(escape(text(bundle, "email.footer"))).append("</p></body></html>");
        return new EmailText(subject, plain.toString(), html.toString());
    }

    private static ResourceBundle bundle(String language) {
        Locale locale = language == null || language.isBlank() ? Locale.UK : Locale.forLanguageTag(language);
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
