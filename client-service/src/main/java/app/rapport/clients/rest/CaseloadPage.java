package app.rapport.clients.rest;

import java.util.List;

public record CaseloadPage(List<ClientListItem> items, int page, int size, long total) {
}
