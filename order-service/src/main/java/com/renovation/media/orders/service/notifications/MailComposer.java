package com.renovation.media.orders.service.notifications;

import com.renovation.media.orders.config.NotificationConfig;
import com.renovation.media.orders.repository.Notification;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a notification into its mail: a plain-text and an HTML part from the kind's Qute templates
 * ({@code templates/notifications/<kind>.txt|.html}; the HTML one escapes every value), and our own
 * Message-ID, {@code <notification-id@media-platform>}, so the mail is recognisable whatever server relays it.
 */
@ApplicationScoped
public class MailComposer {

    private final Engine engine;
    private final NotificationConfig config;

    public MailComposer(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public Mail compose(Notification n) {
        Map<String, Object> data = new HashMap<>(n.data == null ? Map.of() : n.data);
        data.put("consoleUrl", config.consoleUrl().replaceAll("/+$", ""));
        data.put("subject", n.subject);
        String text = template(n, "txt").data(data).render();
        String html = template(n, "html").data(data).render();
        return new Mail()
                .addTo(n.toEmail)
                .setSubject(n.subject.replaceAll("[\\r\\n]+", " "))
                .setText(text)
                .setHtml(html)
                .addHeader("Message-ID", messageId(n));
    }

    public static String messageId(Notification n) {
        return "<" + n.id + "@media-platform>";
    }

    private Template template(Notification n, String suffix) {
        String id = "notifications/" + n.kind.value() + "." + suffix;
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template " + id);
        }
        return template;
    }
}
