/*
 * PsicoIA web client. No framework, no build step, no external resources: served from the jar under a strict CSP.
 *
 * Rules kept everywhere in this file:
 * - Every string from the server or the person is rendered as text (textContent / createTextNode), never as HTML.
 * - Everything a person reads is calm Rioplatense Spanish that says what to do next.
 * - The protocol is docs/protocol.md (JSON mode), relayed by the gateway at /ws on the origin that served the page.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------------------------
  // Crisis resources for the "Ayuda urgente" panel, shown before any `safety` event arrives (the server's event then
  // adds the lines it chose at the top of the panel and in the strip above the composer). They mirror the README's
  // table, and every number must appear in psicoia-domain's helplines.tsv (WebClientFilesTest checks it, per
  // country). `region` is the ISO country code used to list the person's likely country first (a guess from the
  // browser language, never used to hide the others).
  // ---------------------------------------------------------------------------------------------------------------
  const HELP_RESOURCES = {
    countries: [
      { region: 'AR', name: 'Argentina', emergency: [{ label: '911', tel: '911' }],
        lines: [{ label: '0800-999-0091', tel: '08009990091', note: 'Salud mental (Ministerio de Salud), 24 h, gratuita' }] },
      { region: 'ES', name: 'España', emergency: [{ label: '112', tel: '112' }],
        lines: [{ label: '024', tel: '024', note: 'Atención a la conducta suicida, 24 h, gratuita' }] },
      { region: 'MX', name: 'México', emergency: [{ label: '911', tel: '911' }],
        lines: [{ label: '800 911 2000', tel: '8009112000', note: 'Línea de la Vida, 24 h, gratuita' }] },
      { region: 'CO', name: 'Colombia', emergency: [{ label: '123', tel: '123' }],
        lines: [{ label: '192', tel: '192', note: 'Marcá la opción 4 (salud mental)' }] },
      { region: 'CL', name: 'Chile', emergency: [{ label: '131', tel: '131' }],
        lines: [{ label: '*4141', tel: '*4141', note: 'Prevención del suicidio, desde celulares, 24 h, gratuita' }] },
      { region: 'PE', name: 'Perú', emergency: [{ label: '106', tel: '106' }],
        lines: [{ label: '113', tel: '113', note: 'Marcá la opción 5 (salud mental), 24 h, gratuita' }] },
      { region: 'US', name: 'Estados Unidos', emergency: [{ label: '911', tel: '911' }],
        lines: [{ label: '988', tel: '988', note: 'En español: opción 2, o mandá el texto AYUDA al 988; 24 h' }] },
      { region: 'GB', also: ['IE'], name: 'Reino Unido e Irlanda',
        emergency: [{ label: '999', tel: '999' }, { label: '112', tel: '112' }],
        lines: [{ label: '116 123', tel: '116123', note: 'Samaritans, 24 h, gratuita' }] }
    ],
    elsewhere: 'Si no estás en ninguno de estos países, llamá al número de emergencias local.'
  };

  // The countries `/pais XX` accepts, for the chooser in the panel.
  const COUNTRIES = [
    ['AR', 'Argentina'], ['ES', 'España'], ['MX', 'México'], ['CO', 'Colombia'], ['CL', 'Chile'], ['PE', 'Perú'],
    ['US', 'Estados Unidos'], ['GB', 'Reino Unido'], ['IE', 'Irlanda']
  ];

  // Every fixed sentence the page shows, in one place.
  const T = {
    connecting: 'Conectando…',
    connected: 'Conectado',
    offline: 'Sin conexión.',
    retryIn: (s) => ' Reintento en ' + s + ' s…',
    retrying: ' Reintentando…',
    paused: 'En pausa. Me reconecto cuando escribas.',
    retryNow: 'Reintentar ahora',
    reconnect: 'Reconectar',
    announceOffline: 'Se cortó la conexión. Reintento automáticamente; lo que escribas queda guardado.',
    announceOnline: 'Conectado.',
    backAgain: 'Volvió la conexión. PsicoIA no recuerda lo que hablamos antes del corte: si hace falta, contale de nuevo lo importante.',
    queued: 'Hay mucha gente conversando; tu mensaje está en la fila.',
    waitingConnection: 'Guardado: se envía cuando vuelva la conexión.',
    waitingTurn: 'Se envía cuando termine la respuesta anterior.',
    waitingRate: 'En espera: se envía solo cuando termine la pausa.',
    noReply: 'No me llegó ninguna respuesta. Probá enviarlo de nuevo.',
    cutCancelled: 'Detuviste la respuesta.',
    cutShort: 'La respuesta quedó cortada. Si querés, pedile que siga.',
    cutConnection: 'Se cortó la conexión y esta respuesta quedó incompleta.',
    rateWait: (s) => 'Tranca, demasiados mensajes seguidos. Podés seguir escribiendo: lo que envíes sale solo en ' + s + ' s.',
    rateAnnounce: (s) => 'Demasiados mensajes seguidos. Tu mensaje se envía solo en ' + s + ' segundos.',
    tooLong: (n) => 'Tu mensaje es demasiado largo: el máximo es de ' + n + ' caracteres. Probá dividirlo en partes más cortas.',
    resend: 'Volver a enviar',
    copy: 'Copiar',
    copied: 'Copiado',
    copyFailed: 'No pude copiar; seleccioná el texto y copialo a mano.',
    you: 'Vos',
    bot: 'PsicoIA',
    typing: 'PsicoIA está escribiendo…',
    clearConfirm: '¿Borrar toda la conversación de esta pantalla? También se borran los mensajes que estaban esperando para enviarse.',
    cleared: 'Conversación borrada.',
    themeDark: 'Tema oscuro',
    themeLight: 'Tema claro',
    genericError: 'Algo no salió bien con este mensaje. Probá enviarlo de nuevo en un momento.',
    safetyTitle: 'Tu seguridad primero',
    safetyHelpTitle: 'Líneas de ayuda',
    safetyLinesLabel: 'Líneas para hablar ahora',
    safetyToolsLabel: 'Hacer algo ahora, conmigo',
    toolBreathe: 'Respirar juntos',
    toolGround: 'Volver al presente',
    toolPlan: 'Armar mi plan de seguridad',
    emergencyTag: 'Emergencias',
    call: (name, contact) => 'Llamar a ' + name + ', ' + contact,
    whatsapp: 'WhatsApp: ',
    text: 'Mensaje de texto: ',
    stripAsk: 'Contame en qué país estás (en «Ver todas») y te paso las líneas de ahí. Si estás en peligro, llamá al número de emergencias.',
    stripEmergency: 'Emergencias: ',
    countryPick: 'Elegí tu país',
    closedBecause: (reason) => reason,
    idleNotice: 'La conversación se cerró por inactividad. Cuando quieras seguir, escribí y me reconecto.'
  };

  const KEYS = { theme: 'psicoia.tema', draft: 'psicoia.borrador', outbox: 'psicoia.pendientes' };
  const BACKOFF_MIN_MS = 1000;
  const BACKOFF_MAX_MS = 30000;
  const WELCOME_TIMEOUT_MS = 10000;
  const PING_EVERY_MS = 25000;
  const PONG_TIMEOUT_MS = 10000;

  // ---------------------------------------------------------------------------------------------------------------
  // Storage (private browsing or full storage must never break the chat).
  // ---------------------------------------------------------------------------------------------------------------
  const store = {
    get(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } },
    set(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* keep working without it */ } },
    remove(key) { try { window.localStorage.removeItem(key); } catch (e) { /* same */ } }
  };

  // Theme first, before the body is painted.
  function applyTheme(theme) {
    if (theme === 'dark' || theme === 'light') {
      document.documentElement.setAttribute('data-theme', theme);
    } else {
      document.documentElement.removeAttribute('data-theme');
    }
  }
  applyTheme(store.get(KEYS.theme));

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }

  function start() {
    const $ = (id) => document.getElementById(id);
    const el = {
      status: $('estado'), statusText: $('estado-texto'), retry: $('reintentar'),
      theme: $('tema'), clear: $('limpiar'), helpOpen: $('ayuda-abrir'), helpFooter: $('ayuda-pie'),
      help: $('ayuda'), helpClose: $('ayuda-cerrar'), helpList: $('ayuda-lista'), helpOther: $('ayuda-otros'),
      welcome: $('bienvenida'), list: $('mensajes'), main: $('principal'), toBottom: $('ir-al-final'),
      form: $('composer'), input: $('entrada'), send: $('enviar'), stop: $('detener'),
      notice: $('aviso'), counter: $('contador'), live: $('anuncio'), alert: $('anuncio-urgente'),
      strip: $('lineas'), stripContent: $('lineas-contenido'), stripAll: $('lineas-todas'),
      helpYours: $('ayuda-tuyas'), helpYoursList: $('ayuda-tuyas-lista'),
      country: $('ayuda-pais'), countryUse: $('ayuda-pais-usar')
    };

    // Times in the page's language (Spanish), whatever the browser's: "14:05", not "2:05 PM".
    const locale = /^es\b/i.test(navigator.language || '') ? navigator.language : 'es';
    const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

    // Connection state.
    let ws = null;
    let ready = false;            // a `welcome` arrived on the current socket
    let everConnected = false;
    let attempt = 0;              // reconnect attempts since the last welcome
    let retryTimer = null;
    let retryAt = 0;
    let countdownTimer = null;
    let welcomeTimer = null;
    let pingTimer = null;
    let pongTimer = null;
    let pausedForIdle = false;
    let maxChars = 4000;

    // Messages. The outbox holds every message not yet acknowledged by the server (no event with its id arrived):
    // typed while offline, waiting for its turn, refused by the rate limit, or sent on a socket that then dropped.
    // It is mirrored to localStorage so a reload loses nothing; a message leaves it on its first event, so it is
    // never sent twice.
    let outbox = loadOutbox();
    let current = null;           // { id, item, bubble, textNode, acked, cancelled, text }
    let rateUntil = 0;
    let rateTimer = null;

    // --- Helpers ---------------------------------------------------------------------------------------------------

    function newId() {
      const bytes = new Uint8Array(8);
      window.crypto.getRandomValues(bytes);
      return 'm-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    }

    function codePoints(text) {
      return Array.from(text).length;
    }

    function announce(text) {
      // Clear first so the same sentence twice is still read.
      el.live.textContent = '';
      window.setTimeout(() => { el.live.textContent = text; }, 50);
    }

    function loadOutbox() {
      try {
        const parsed = JSON.parse(store.get(KEYS.outbox) || '[]');
        return Array.isArray(parsed)
          ? parsed.filter((m) => m && typeof m.id === 'string' && typeof m.text === 'string')
              .map((m) => ({ id: m.id, text: m.text, at: Number(m.at) || Date.now() }))
          : [];
      } catch (e) {
        return [];
      }
    }

    function saveOutbox() {
      if (outbox.length === 0) {
        store.remove(KEYS.outbox);
      } else {
        store.set(KEYS.outbox, JSON.stringify(outbox.map((m) => ({ id: m.id, text: m.text, at: m.at }))));
      }
    }

    function isNearBottom() {
      return el.main.scrollHeight - el.main.scrollTop - el.main.clientHeight < 80;
    }

    /** Runs `change` (which adds content) and keeps the view at the end if it was there before, or if forced. */
    function following(force, change) {
      const stick = force || isNearBottom();
      const result = change();
      if (stick) el.main.scrollTop = el.main.scrollHeight;
      updateToBottom();
      return result;
    }

    function scrollToBottom() {
      el.main.scrollTop = el.main.scrollHeight;
      updateToBottom();
    }

    function updateToBottom() {
      el.toBottom.hidden = isNearBottom();
    }

    // --- Rendering -------------------------------------------------------------------------------------------------

    function addBubble(role, text, at) {
      el.welcome.classList.add('compact');
      const li = document.createElement('li');
      li.className = 'msg ' + (role === 'user' ? 'msg-user' : 'msg-bot');
      li.dataset.role = role;

      const meta = document.createElement('div');
      meta.className = 'meta';
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = role === 'user' ? T.you : T.bot;
      const when = document.createElement('time');
      const date = new Date(at || Date.now());
      when.dateTime = date.toISOString();
      when.textContent = timeFormat.format(date);
      meta.append(who, ' · ', when);

      const body = document.createElement('p');
      body.className = 'text';
      const textNode = document.createTextNode(text || '');
      body.appendChild(textNode);

      const note = document.createElement('p');
      note.className = 'note';
      note.hidden = true;

      const tools = document.createElement('div');
      tools.className = 'tools';
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.className = 'tool';
      copy.textContent = T.copy;
      copy.setAttribute('aria-label', T.copy + ' este mensaje');
      copy.addEventListener('click', () => copyText(body.textContent, copy));
      tools.appendChild(copy);

      li.append(meta, body, note, tools);
      following(role === 'user', () => el.list.appendChild(li));
      return { li, body, textNode, note, tools };
    }

    function setNote(bubble, text, kind) {
      following(false, () => {
        bubble.note.textContent = text || '';
        bubble.note.hidden = !text;
        bubble.note.dataset.kind = kind || 'info';
      });
    }

    function addTyping(bubble) {
      const dots = document.createElement('span');
      dots.className = 'typing';
      dots.setAttribute('role', 'img');
      dots.setAttribute('aria-label', T.typing);
      for (let i = 0; i < 3; i++) {
        const d = document.createElement('span');
        d.className = 'typing-dot';
        dots.appendChild(d);
      }
      bubble.body.appendChild(dots);
      bubble.typing = dots;
    }

    function removeTyping(bubble) {
      if (bubble.typing) {
        bubble.typing.remove();
        bubble.typing = null;
      }
    }

    function addSystemNote(text) {
      const li = document.createElement('li');
      li.className = 'msg-system';
      li.dataset.role = 'system';
      li.textContent = text;
      following(false, () => el.list.appendChild(li));
    }

    function addResendButton(bubble, text) {
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'tool';
      again.textContent = T.resend;
      again.addEventListener('click', () => {
        again.remove();
        setNote(bubble, '', 'info');
        queueMessage(text, bubble);
      });
      bubble.tools.appendChild(again);
    }

    function copyText(text, button) {
      const done = () => {
        button.textContent = T.copied;
        announce(T.copied);
        window.setTimeout(() => { button.textContent = T.copy; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text) ? done() : announce(T.copyFailed));
      } else if (fallbackCopy(text)) {
        done();
      } else {
        announce(T.copyFailed);
      }
    }

    function fallbackCopy(text) {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      document.body.appendChild(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      area.remove();
      return ok;
    }

    // --- Status line -----------------------------------------------------------------------------------------------

    function setStatus(state, text, showRetry) {
      el.status.dataset.state = state;
      el.statusText.textContent = text;
      el.retry.hidden = !showRetry;
      el.retry.textContent = state === 'paused' ? T.reconnect : T.retryNow;
    }

    function showNotice(text, kind) {
      el.notice.textContent = text || '';
      el.notice.hidden = !text;
      el.notice.dataset.kind = kind || 'info';
    }

    // --- Connection ------------------------------------------------------------------------------------------------

    function wsUrl() {
      return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
    }

    function connect() {
      clearTimeout(retryTimer);
      clearInterval(countdownTimer);
      retryTimer = null;
      pausedForIdle = false;
      if (ws) {
        return;
      }
      setStatus('connecting', T.connecting, false);
      let socket;
      try {
        socket = new WebSocket(wsUrl());
      } catch (e) {
        scheduleReconnect(null);
        return;
      }
      ws = socket;
      ready = false;
      socket.addEventListener('open', () => {
        if (ws !== socket) return;
        send({ type: 'hello', client: 'psicoia-web/1', locale: navigator.language || 'es' });
        welcomeTimer = window.setTimeout(() => socket.close(4000, 'sin bienvenida'), WELCOME_TIMEOUT_MS);
      });
      socket.addEventListener('message', (event) => {
        if (ws !== socket) return;
        onFrame(event.data);
      });
      socket.addEventListener('close', (event) => {
        if (ws !== socket) return;
        onClose(event);
      });
      // `error` is always followed by `close`, where everything is handled.
    }

    function send(frame) {
      if (ws && ws.readyState === WebSocket.OPEN) {
        ws.send(JSON.stringify(frame));
        return true;
      }
      return false;
    }

    function onFrame(data) {
      let event;
      try {
        event = JSON.parse(data);
      } catch (e) {
        return; // the app's plain greeting lines, relayed before `welcome`, or anything else that is not ours
      }
      if (!event || typeof event !== 'object' || typeof event.type !== 'string') return;
      clearTimeout(pongTimer);
      switch (event.type) {
        case 'welcome': return onWelcome(event);
        case 'delta': return onDelta(event);
        case 'done': return onDone(event);
        case 'error': return onError(event);
        case 'queued': return onQueued(event);
        case 'safety': return onSafety(event);
        case 'pong': return undefined;
        default: return undefined; // later versions add types: ignored here
      }
    }

    function onWelcome(event) {
      clearTimeout(welcomeTimer);
      ready = true;
      attempt = 0;
      if (event.limits && Number.isInteger(event.limits.maxChars) && event.limits.maxChars > 0) {
        maxChars = event.limits.maxChars;
        updateCounter();
      }
      setStatus('online', T.connected, false);
      if (everConnected) {
        announce(T.announceOnline);
        if (el.list.querySelector('.msg')) addSystemNote(T.backAgain);
      }
      everConnected = true;
      showNotice('', 'info');
      // A new connection is a new count for the server's limiter: let it decide again (if the same limit still
      // applies, it answers `rate_limited` with the exact wait and the countdown starts over).
      endRateWait(false);
      startPing();
      pump();
    }

    function onClose(event) {
      clearTimeout(welcomeTimer);
      stopPing();
      ws = null;
      ready = false;
      // A reply in progress: kept as it is, marked; its message was acknowledged and is not sent again.
      if (current) {
        if (current.acked) {
          removeTyping(current.bubble);
          current.bubble.li.dataset.state = 'cut';
          setNote(current.bubble, T.cutConnection, 'warn');
        } else {
          current.bubble.li.remove();
          setNote(current.item.bubble, T.waitingConnection, 'info');
          current.item.bubble.li.dataset.state = 'pending';
        }
        current = null;
        el.stop.hidden = true;
      }
      // A rate-limit wait belongs to the connection that got it: the next welcome starts a new count anyway.
      endRateWait(false);
      outbox.forEach((m) => m.bubble && setNote(m.bubble, T.waitingConnection, 'info'));
      if (event && event.reason) {
        showNotice(T.closedBecause(event.reason), 'warn');
      }
      if (pausedForIdle) {
        setStatus('paused', T.paused, true);
        return;
      }
      if (everConnected && attempt === 0) announce(T.announceOffline);
      scheduleReconnect(event);
    }

    function scheduleReconnect(event) {
      const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * Math.pow(2, attempt));
      let delay = base / 2 + Math.random() * (base / 2); // "equal jitter": never zero, never all at once
      if (event && event.code === 1013) delay = Math.max(delay, 5000); // the server asked to try later
      attempt += 1;
      retryAt = Date.now() + delay;
      retryTimer = window.setTimeout(connect, delay);
      const tick = () => {
        const s = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
        setStatus('offline', T.offline + T.retryIn(s), true);
      };
      tick();
      clearInterval(countdownTimer);
      countdownTimer = window.setInterval(tick, 250);
    }

    function startPing() {
      stopPing();
      pingTimer = window.setInterval(() => {
        if (send({ type: 'ping' })) {
          clearTimeout(pongTimer);
          pongTimer = window.setTimeout(() => { if (ws) ws.close(4001, 'sin respuesta'); }, PONG_TIMEOUT_MS);
        }
      }, PING_EVERY_MS);
    }

    function stopPing() {
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
    }

    // --- Sending ---------------------------------------------------------------------------------------------------

    function queueMessage(text, existingBubble) {
      const item = { id: newId(), text, at: Date.now() };
      item.bubble = existingBubble || addBubble('user', text, item.at);
      item.bubble.li.dataset.state = 'pending';
      item.bubble.li.dataset.id = item.id;
      outbox.push(item);
      saveOutbox();
      if (!ready) {
        setNote(item.bubble, T.waitingConnection, 'info');
        if (!ws) connect(); // also wakes a paused connection
      }
      pump();
    }

    /** Sends the next message when the connection is ready and no reply is in progress: one at a time, in order. */
    function pump() {
      if (!ready || current || outbox.length === 0) {
        outbox.forEach((m, i) => {
          if (!m.bubble || (current && m === current.item)) return;
          if (ready && Date.now() < rateUntil) setNote(m.bubble, T.waitingRate, 'info');
          else if (ready && (current || i > 0)) setNote(m.bubble, T.waitingTurn, 'info');
        });
        return;
      }
      if (Date.now() < rateUntil) {
        outbox.forEach((m) => m.bubble && setNote(m.bubble, T.waitingRate, 'info'));
        return;
      }
      const item = outbox[0];
      if (!send({ type: 'message', id: item.id, text: item.text })) return;
      item.bubble.li.dataset.state = 'sent';
      setNote(item.bubble, '', 'info');
      const bubble = addBubble('assistant', '', Date.now());
      bubble.li.dataset.state = 'waiting';
      bubble.li.dataset.replyTo = item.id;
      bubble.li.setAttribute('aria-busy', 'true');
      addTyping(bubble);
      current = { id: item.id, item, bubble, acked: false, cancelled: false, text: '' };
      el.stop.hidden = false;
      outbox.slice(1).forEach((m) => m.bubble && setNote(m.bubble, T.waitingTurn, 'info'));
    }

    function acknowledge() {
      if (current.acked) return;
      current.acked = true;
      outbox = outbox.filter((m) => m.id !== current.id);
      saveOutbox();
      current.item.bubble.li.dataset.state = 'delivered';
    }

    function isCurrent(event) {
      return current && event.id === current.id;
    }

    function onQueued(event) {
      if (!isCurrent(event)) return;
      acknowledge();
      setNote(current.bubble, T.queued, 'info');
    }

    function onDelta(event) {
      if (!isCurrent(event) || typeof event.text !== 'string') return;
      acknowledge();
      if (current.bubble.typing) {
        removeTyping(current.bubble);
        setNote(current.bubble, '', 'info');
        current.bubble.li.dataset.state = 'streaming';
      }
      current.text += event.text;
      following(false, () => current.bubble.textNode.appendData(event.text));
    }

    // --- Safety notices --------------------------------------------------------------------------------------------

    /** The resources of a `safety` event that can be shown: objects with a string name and contact. */
    function safetyResources(event) {
      if (!Array.isArray(event.resources)) return [];
      return event.resources.filter((r) => r && typeof r === 'object'
          && typeof r.name === 'string' && typeof r.contact === 'string' && r.contact.trim() !== '');
    }

    /**
     * The number to dial for a contact as people write it: its leading number, digits only (and `*`, `+`), so
     * "192, opción 4" dials 192 and "988 (en español: marcá 2)" dials 988. Empty when it does not start with one.
     */
    function dialable(contact) {
      const lead = /^[\s\d*+().-]+/.exec(contact);
      return lead ? lead[0].replace(/[^\d*+]/g, '') : '';
    }

    function str(value) {
      return typeof value === 'string' ? value : '';
    }

    /** One resource as a list item: name, region, the contact (a tel: link for calls), hours and cost. */
    function resourceItem(r) {
      const li = document.createElement('li');
      li.className = 'safety-line';
      li.dataset.channel = str(r.channel) || 'call';
      if (r.emergency === true) li.dataset.emergency = 'true';
      const name = document.createElement('span');
      name.className = 'safety-name';
      name.textContent = r.name;
      li.appendChild(name);
      if (str(r.region)) {
        const region = document.createElement('span');
        region.className = 'safety-region';
        region.textContent = ' (' + r.region + ')';
        li.appendChild(region);
      }
      li.append(': ');
      li.appendChild(contactNode(r));
      const meta = [str(r.hours), str(r.cost)].filter(Boolean).join(' · ');
      if (meta) {
        const m = document.createElement('span');
        m.className = 'safety-meta';
        m.textContent = ' — ' + meta;
        li.appendChild(m);
      }
      return li;
    }

    /** The contact of a resource: a tel: link for a call, plain text for WhatsApp and text messages. */
    function contactNode(r) {
      const channel = str(r.channel) || 'call';
      const number = channel === 'call' ? dialable(r.contact) : '';
      if (number) {
        const a = document.createElement('a');
        a.className = 'safety-contact';
        a.href = 'tel:' + number;
        a.textContent = r.contact;
        a.setAttribute('aria-label', T.call(r.name, r.contact));
        return a;
      }
      const span = document.createElement('span');
      span.className = 'safety-contact';
      span.textContent = (channel === 'whatsapp' ? T.whatsapp : channel === 'text' ? T.text : '') + r.contact;
      return span;
    }

    function toolButton(label, command) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.dataset.comando = command;
      b.textContent = label;
      return b;
    }

    /**
     * The card a `safety` event shows in the conversation, before the reply: its text (the lines it names, written
     * as "• …" lines, become the list of links), the resources, and buttons for the tools.
     */
    function safetyCard(event, resources) {
      const level = ['none', 'low', 'medium', 'high', 'imminent'].includes(event.level) ? event.level : 'none';
      const li = document.createElement('li');
      li.className = 'safety-card';
      li.dataset.level = level;
      const titleId = 'seguridad-' + newId();
      li.setAttribute('aria-labelledby', titleId);
      const title = document.createElement('h3');
      title.id = titleId;
      title.className = 'safety-title';
      title.textContent = level === 'none' || level === 'low' ? T.safetyHelpTitle : T.safetyTitle;
      li.appendChild(title);

      const list = document.createElement('ul');
      list.className = 'safety-lines';
      list.setAttribute('aria-label', T.safetyLinesLabel);
      resources.forEach((r) => list.appendChild(resourceItem(r)));
      let listPlaced = resources.length === 0;
      let paragraph = null;
      str(event.message).split('\n').forEach((line) => {
        if (resources.length > 0 && line.startsWith('• ')) {
          if (!listPlaced) li.appendChild(list);
          listPlaced = true;
          paragraph = null;
          return;
        }
        if (!line.trim()) {
          paragraph = null;
          return;
        }
        paragraph = document.createElement('p');
        paragraph.className = 'safety-text';
        paragraph.textContent = line;
        li.appendChild(paragraph);
      });
      if (!listPlaced) li.appendChild(list);

      const tools = document.createElement('div');
      tools.className = 'tool-buttons';
      tools.setAttribute('role', 'group');
      tools.setAttribute('aria-label', T.safetyToolsLabel);
      tools.append(toolButton(T.toolBreathe, '/respirar'), toolButton(T.toolGround, '/anclaje'),
        toolButton(T.toolPlan, '/plan'));
      li.appendChild(tools);
      return li;
    }

    /** Keeps the latest lines reachable: the strip above the composer and the top of the "Ayuda urgente" panel. */
    function showLatestLines(resources) {
      el.stripContent.textContent = '';
      const line = resources.find((r) => r.emergency !== true);
      const emergency = resources.find((r) => r.emergency === true);
      if (!line && !emergency) {
        el.stripContent.textContent = T.stripAsk;
      } else {
        if (line) {
          const name = document.createElement('span');
          name.className = 'safety-name';
          name.textContent = line.name + ': ';
          el.stripContent.append(name, contactNode(line));
        }
        if (emergency) {
          if (line) el.stripContent.append(' · ');
          el.stripContent.append(T.stripEmergency, contactNode(emergency));
        }
      }
      el.strip.hidden = false;
      el.helpYoursList.textContent = '';
      resources.forEach((r) => el.helpYoursList.appendChild(resourceItem(r)));
      el.helpYours.hidden = resources.length === 0;
    }

    function onSafety(event) {
      const resources = safetyResources(event);
      showLatestLines(resources);
      if (!isCurrent(event) || typeof event.message !== 'string') return;
      acknowledge();
      const card = safetyCard(event, resources);
      following(true, () => el.list.insertBefore(card, current.bubble.li));
      current.card = card;
      if (event.level === 'high' || event.level === 'imminent') {
        el.alert.textContent = '';
        window.setTimeout(() => { el.alert.textContent = event.message; }, 50);
      } else {
        announce(event.message);
      }
    }

    function sendCommand(command) {
      if (el.help.open && typeof el.help.close === 'function') el.help.close();
      queueMessage(command, null);
    }

    function finishCurrent(state) {
      const c = current;
      removeTyping(c.bubble);
      c.bubble.li.dataset.state = state;
      c.bubble.li.removeAttribute('aria-busy');
      current = null;
      el.stop.hidden = true;
      return c;
    }

    function onDone(event) {
      if (!isCurrent(event)) return;
      acknowledge();
      const c = finishCurrent(event.complete === false ? 'cut' : 'done');
      if (event.complete === false) {
        setNote(c.bubble, c.cancelled ? T.cutCancelled : T.cutShort, 'info');
      } else {
        setNote(c.bubble, '', 'info');
      }
      if (c.text) {
        announce(T.bot + ': ' + c.text);
      } else if (c.card && event.complete !== false) {
        c.bubble.li.remove(); // `/ayuda`: the card is the whole answer
      } else if (!c.cancelled) {
        setNote(c.bubble, T.noReply, 'warn');
        addResendButton(c.item.bubble, c.item.text);
      }
      pump();
    }

    function onError(event) {
      const message = typeof event.message === 'string' && event.message ? event.message : T.genericError;
      if (event.code === 'shutting_down' && !event.id) {
        showNotice(message, 'warn');
        announce(message);
        return; // the server closes soon; the reconnect loop takes over
      }
      if (!event.id) {
        if (event.code === 'unavailable') pausedForIdle = true; // the idle goodbye: reconnect when the person writes
        showNotice(event.code === 'unavailable' ? T.idleNotice : message, 'warn');
        announce(message);
        return;
      }
      if (!isCurrent(event)) return;
      const c = current;
      const item = c.item;
      switch (event.code) {
        case 'rate_limited': {
          // Refused before the model: the message goes back to the head of the outbox and is sent on its own
          // when the countdown ends. Same id: the protocol allows reusing it after its terminal event.
          finishCurrent('refused');
          c.bubble.li.remove();
          item.bubble.li.dataset.state = 'pending';
          const wait = Number(event.retryAfterMs) > 0 ? Number(event.retryAfterMs) : 5000;
          startRateWait(wait);
          pump();
          return;
        }
        case 'shutting_down': {
          // Not processed: keep it for the next connection.
          finishCurrent('refused');
          c.bubble.li.remove();
          item.bubble.li.dataset.state = 'pending';
          setNote(item.bubble, T.waitingConnection, 'info');
          showNotice(message, 'warn');
          return;
        }
        default: {
          acknowledge();
          const partial = Boolean(c.text);
          finishCurrent(partial ? 'cut' : 'failed');
          if (partial) {
            setNote(c.bubble, message, 'warn');
          } else {
            c.bubble.li.remove();
            item.bubble.li.dataset.state = 'failed';
            setNote(item.bubble, message, 'warn');
            if (event.code !== 'too_long') addResendButton(item.bubble, item.text);
          }
          announce(message);
          pump();
        }
      }
    }

    function startRateWait(ms) {
      rateUntil = Date.now() + ms;
      const tick = () => {
        const left = rateUntil - Date.now();
        if (left <= 0) {
          endRateWait(true);
          return;
        }
        const s = Math.ceil(left / 1000);
        showNotice(T.rateWait(s), 'wait');
        el.notice.dataset.seconds = String(s);
        el.send.textContent = 'Enviar (' + s + ' s)';
      };
      clearInterval(rateTimer);
      rateTimer = window.setInterval(tick, 250);
      announce(T.rateAnnounce(Math.ceil(ms / 1000)));
      tick();
    }

    function endRateWait(thenPump) {
      if (!rateTimer && rateUntil === 0) return;
      clearInterval(rateTimer);
      rateTimer = null;
      rateUntil = 0;
      el.send.textContent = 'Enviar';
      delete el.notice.dataset.seconds;
      if (el.notice.dataset.kind === 'wait') showNotice('', 'info');
      if (thenPump) pump();
    }

    // --- Composer --------------------------------------------------------------------------------------------------

    function updateCounter() {
      const n = codePoints(el.input.value);
      el.counter.textContent = n + ' / ' + maxChars;
      const over = n > maxChars;
      el.counter.dataset.over = String(over);
      el.input.setAttribute('aria-invalid', String(over));
      return n;
    }

    function autosize() {
      // border-box: the height includes the borders that scrollHeight leaves out.
      el.input.style.height = 'auto';
      const borders = el.input.offsetHeight - el.input.clientHeight;
      const wanted = el.input.scrollHeight + borders;
      el.input.style.height = Math.min(wanted, 200) + 'px';
      el.input.style.overflowY = wanted > 200 ? 'auto' : 'hidden';
    }

    function submit() {
      const text = el.input.value;
      if (!text.trim()) {
        el.input.focus();
        return;
      }
      const n = codePoints(text);
      if (n > maxChars) {
        showNotice(T.tooLong(maxChars), 'warn');
        announce(T.tooLong(maxChars));
        el.input.focus();
        return;
      }
      if (el.notice.dataset.kind === 'warn') showNotice('', 'info');
      queueMessage(text, null);
      el.input.value = '';
      store.remove(KEYS.draft);
      updateCounter();
      autosize();
      el.input.focus();
    }

    el.form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit();
    });
    el.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        submit();
      }
    });
    el.input.addEventListener('input', () => {
      store.set(KEYS.draft, el.input.value);
      updateCounter();
      autosize();
      if (pausedForIdle && !ws) connect();
    });
    el.stop.addEventListener('click', () => {
      if (current && send({ type: 'cancel', id: current.id })) {
        current.cancelled = true;
        el.stop.hidden = true;
      }
    });
    el.retry.addEventListener('click', () => {
      attempt = 0;
      connect();
    });
    document.querySelectorAll('.chip').forEach((chip) => {
      chip.addEventListener('click', () => queueMessage(chip.dataset.frase, null));
    });

    // --- Header actions --------------------------------------------------------------------------------------------

    function currentTheme() {
      const saved = document.documentElement.getAttribute('data-theme');
      if (saved) return saved;
      return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }

    function renderThemeButton() {
      const dark = currentTheme() === 'dark';
      el.theme.setAttribute('aria-pressed', String(dark));
      el.theme.textContent = T.themeDark;
    }

    el.theme.addEventListener('click', () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
      applyTheme(next);
      store.set(KEYS.theme, next);
      renderThemeButton();
    });
    if (window.matchMedia) {
      const mq = window.matchMedia('(prefers-color-scheme: dark)');
      if (mq.addEventListener) mq.addEventListener('change', renderThemeButton);
    }

    el.clear.addEventListener('click', () => {
      if (!window.confirm(T.clearConfirm)) return;
      if (current) {
        if (current.acked) send({ type: 'cancel', id: current.id });
        finishCurrent('cleared');
      }
      outbox = [];
      saveOutbox();
      el.list.textContent = '';
      el.welcome.classList.remove('compact');
      showNotice('', 'info');
      announce(T.cleared);
      updateToBottom();
    });

    function renderHelp() {
      const region = ((navigator.language || '').split('-')[1] || '').toUpperCase();
      const countries = HELP_RESOURCES.countries.slice().sort((a, b) => {
        const am = a.region === region || (a.also || []).includes(region) ? 0 : 1;
        const bm = b.region === region || (b.also || []).includes(region) ? 0 : 1;
        return am - bm;
      });
      el.helpList.textContent = '';
      countries.forEach((c) => {
        const li = document.createElement('li');
        li.className = 'help-country';
        const name = document.createElement('h3');
        name.textContent = c.name;
        const p = document.createElement('p');
        p.append('Emergencias: ');
        c.emergency.forEach((n, i) => {
          if (i > 0) p.append(' o ');
          p.appendChild(telLink(n, 'Llamar a emergencias de ' + c.name + ', ' + n.label));
        });
        li.append(name, p);
        c.lines.forEach((line) => {
          const lp = document.createElement('p');
          lp.append('Línea de ayuda: ');
          lp.appendChild(telLink(line, 'Llamar a la línea de ayuda de ' + c.name + ', ' + line.label));
          if (line.note) lp.append(' — ' + line.note);
          li.appendChild(lp);
        });
        el.helpList.appendChild(li);
      });
      el.helpOther.textContent = HELP_RESOURCES.elsewhere;
    }

    function renderCountryChooser() {
      const region = ((navigator.language || '').split('-')[1] || '').toUpperCase();
      el.country.textContent = '';
      const none = document.createElement('option');
      none.value = '';
      none.textContent = T.countryPick;
      el.country.appendChild(none);
      COUNTRIES.forEach(([code, name]) => {
        const o = document.createElement('option');
        o.value = code;
        o.textContent = name;
        o.selected = code === region;
        el.country.appendChild(o);
      });
    }

    el.countryUse.addEventListener('click', () => {
      if (el.country.value) {
        sendCommand('/pais ' + el.country.value);
      } else {
        el.country.focus();
      }
    });
    // Every tool button, in the panel or in a card (added later): one listener for the whole page.
    document.addEventListener('click', (e) => {
      const button = e.target instanceof Element ? e.target.closest('button[data-comando]') : null;
      if (button) sendCommand(button.dataset.comando);
    });
    el.stripAll.addEventListener('click', () => openHelp(el.stripAll));

    function telLink(number, label) {
      const a = document.createElement('a');
      a.href = 'tel:' + number.tel;
      a.textContent = number.label;
      a.setAttribute('aria-label', label);
      return a;
    }

    function openHelp(opener) {
      el.help.returnFocusTo = opener;
      if (typeof el.help.showModal === 'function') el.help.showModal();
      else el.help.setAttribute('open', '');
      el.helpClose.focus();
    }

    el.helpOpen.addEventListener('click', () => openHelp(el.helpOpen));
    el.helpFooter.addEventListener('click', () => openHelp(el.helpFooter));
    el.helpClose.addEventListener('click', () => {
      if (typeof el.help.close === 'function') el.help.close();
      else el.help.removeAttribute('open');
    });
    el.help.addEventListener('close', () => {
      if (el.help.returnFocusTo) el.help.returnFocusTo.focus();
    });
    el.help.addEventListener('click', (e) => {
      if (e.target === el.help) el.help.close(); // a click on the backdrop
    });

    // --- Scrolling, network hints, leaving -------------------------------------------------------------------------

    el.main.addEventListener('scroll', updateToBottom, { passive: true });
    el.toBottom.addEventListener('click', () => {
      scrollToBottom();
      el.input.focus();
    });
    window.addEventListener('online', () => {
      if (!ws) {
        attempt = 0;
        connect();
      }
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && !ws && !pausedForIdle) connect();
    });
    window.addEventListener('pagehide', () => {
      // Leaving: say goodbye so the server stops any reply at once. Unsent messages stay in the outbox.
      if (ready) send({ type: 'bye' });
    });

    // --- Start -----------------------------------------------------------------------------------------------------

    renderThemeButton();
    renderHelp();
    renderCountryChooser();
    const draft = store.get(KEYS.draft);
    if (draft) el.input.value = draft;
    updateCounter();
    autosize();
    outbox.forEach((m) => {
      m.bubble = addBubble('user', m.text, m.at);
      m.bubble.li.dataset.state = 'pending';
      m.bubble.li.dataset.id = m.id;
      setNote(m.bubble, T.waitingConnection, 'info');
    });
    connect();
  }
})();
