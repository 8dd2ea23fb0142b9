package app.rapport.notifications.rest;

import java.util.List;

public record InboxPage(List<NotificationView> items, long unread, int page, int size, long total) {
}
