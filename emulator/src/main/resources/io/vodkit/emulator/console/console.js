'use strict';
// The vodkit console: one page, views chosen by the URL hash, all data from /console/api/… (same origin, cookie).
(function () {
  const API = '/console/api';
  const MULTIPART_FROM = 20 * 1024 * 1024; // the CLI's rule: one PUT under 20 MiB, parts from 20 MiB up
  const PART_SIZE = 8 * 1024 * 1024;
  const main = document.getElementById('main');
  let poll = null; // the live view's timer, ended when the view changes

  // ---- helpers -------------------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  async function api(method, path, body) {
    const init = { method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(API + path, init);
    const data = await response.json().catch(() => ({ error: 'the emulator answered ' + response.status }));
    if (!response.ok) throw new Error(data.error || ('the emulator answered ' + response.status));
    return data;
  }

  function toast(message) {
    const box = document.getElementById('toast');
    box.textContent = message;
    box.classList.add('show');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => box.classList.remove('show'), 3000);
  }

  function duration(seconds) {
    if (seconds === undefined || seconds === null) return '–';
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
  }

  function bytes(n) {
    if (n === undefined || n === null) return '–';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i ? n.toFixed(1) : n) + ' ' + units[i];
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '–';
  }

  function resolution(m) {
    return m.width && m.height ? m.width + '×' + m.height : '–';
  }

  async function copy(text, what) {
    try {
      await navigator.clipboard.writeText(text);
      toast(what + ' copied');
    } catch (e) {
      window.prompt('Copy ' + what, text);
    }
  }

  function show(...nodes) {
    main.replaceChildren(...nodes);
  }

  function failure(error) {
    return el('p', { class: 'error', role: 'alert', text: error.message || String(error) });
  }

  // ---- CRC32 (the gateway's Content-CRC32) ------------------------------------------------------------------------
  const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(buffer) {
    const data = new Uint8Array(buffer);
    let crc = 0xFFFFFFFF;
    for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xFF] ^ (crc >>> 8);
    return ((crc ^ 0xFFFFFFFF) >>> 0).toString(16).padStart(8, '0');
  }

  // one gateway request, reporting bytes sent; resolves with the gateway's payload
  function gatewayPut(url, auth, body, crc, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      xhr.setRequestHeader('Authorization', auth);
      if (crc) xhr.setRequestHeader('Content-CRC32', crc);
      xhr.upload.onprogress = (e) => onProgress && onProgress(e.loaded);
      xhr.onerror = () => reject(new Error('the upload connection failed'));
      xhr.onload = () => {
        let reply = {};
        try { reply = JSON.parse(xhr.responseText); } catch (e) { /* reported below */ }
        if (xhr.status === 200 && reply.success === 0) resolve(reply.payload || {});
        else reject(new Error('the gateway refused the upload: ' + ((reply.error && reply.error.message) || xhr.status)));
      };
      xhr.send(body);
    });
  }

  async function uploadFile(file, space, row) {
    const dot = file.name.lastIndexOf('.');
    const extension = dot > 0 && file.name.length - dot <= 9 ? file.name.slice(dot).toLowerCase() : null;
    const title = dot > 0 ? file.name.slice(0, dot) : file.name;
    const setProgress = (sent) => {
      row.progress.value = Math.min(sent, file.size);
      row.state.textContent = Math.floor(100 * Math.min(sent, file.size) / Math.max(file.size, 1)) + '%';
    };
    row.progress.max = Math.max(file.size, 1);
    const grant = await api('POST', '/uploads', { space, fileExtension: extension });
    if (file.size < MULTIPART_FROM) {
      const buffer = await file.arrayBuffer();
      await gatewayPut(grant.path, grant.auth, buffer, crc32(buffer), setProgress);
    } else {
      const init = await gatewayPut(grant.path + '?uploads', grant.auth, null, null, null);
      const parts = [];
      for (let offset = 0, number = 1; offset < file.size; offset += PART_SIZE, number++) {
        const buffer = await file.slice(offset, offset + PART_SIZE).arrayBuffer();
        const crc = crc32(buffer);
        await gatewayPut(grant.path + '?partNumber=' + number + '&uploadID=' + encodeURIComponent(init.uploadID),
          grant.auth, buffer, crc, (sent) => setProgress(offset + sent));
        parts.push(number + ':' + crc);
      }
      await gatewayPut(grant.path + '?uploadID=' + encodeURIComponent(init.uploadID), grant.auth,
        parts.join(','), null, null);
    }
    row.state.textContent = 'committing…';
    const media = await api('POST', '/uploads/commit', { space, sessionKey: grant.sessionKey, title });
    row.state.textContent = 'done';
    row.state.append(' ', el('a', { href: '#/media/' + media.vid, text: media.vid }));
    return media;
  }

  // ---- library -----------------------------------------------------------------------------------------------------
  async function library() {
    const { spaces } = await api('GET', '/spaces');
    const params = new URLSearchParams(location.hash.split('?')[1] || '');
    const space = el('select', { id: 'space' }, el('option', { value: '', text: 'All spaces' }),
      spaces.map((s) => el('option', { value: s, text: s })));
    space.value = params.get('space') || '';
    const search = el('input', { id: 'search', type: 'search', placeholder: 'Title', value: params.get('q') || '' });
    const status = el('select', { id: 'status' }, el('option', { value: '', text: 'Any status' }),
      el('option', { value: 'Published', text: 'Published' }), el('option', { value: 'Unpublished', text: 'Unpublished' }));
    status.value = params.get('status') || '';
    const grid = el('div', { class: 'grid', id: 'cards', 'aria-live': 'polite' });
    const count = el('p', { class: 'muted', id: 'count' });
    const uploadSpace = el('input', { id: 'upload-space', list: 'space-names', value: spaces[0] || 'local',
      required: true, size: 12 });
    const spaceNames = el('datalist', { id: 'space-names' }, spaces.map((s) => el('option', { value: s })));
    const fileInput = el('input', { id: 'file-input', type: 'file', multiple: true, accept: 'video/*,audio/*' });
    const list = el('ul', { class: 'uploads', id: 'uploads' });
    const urlInput = el('input', { id: 'pull-url', type: 'url', placeholder: 'https://…/clip.mp4', size: 40 });
    const pullState = el('span', { id: 'pull-state', role: 'status' });
    const drop = el('section', { class: 'drop', id: 'drop', 'aria-label': 'Upload' },
      el('div', { class: 'row' },
        el('label', {}, 'Upload to space', uploadSpace, spaceNames),
        el('label', {}, 'Files (or drop them here)', fileInput)),
      list,
      el('form', { class: 'row', id: 'pull-form', onsubmit: startPull },
        el('label', {}, 'Pull from a URL', urlInput), el('button', { type: 'submit', text: 'Pull' }), pullState));

    async function refresh() {
      const query = new URLSearchParams();
      if (space.value) query.set('space', space.value);
      if (search.value) query.set('q', search.value);
      if (status.value) query.set('status', status.value);
      try {
        const { media } = await api('GET', '/media?' + query);
        // unchanged (but for the freshly signed poster links): leave the cards alone, keeping focus and scroll
        const key = JSON.stringify(media.map((m) => ({ ...m, posterUrl: !!m.posterUrl })));
        if (key === grid.dataset.key) return;
        grid.dataset.key = key;
        count.textContent = media.length + ' media';
        grid.replaceChildren(...media.map(card));
      } catch (e) {
        grid.replaceChildren(failure(e));
      }
    }

    function upload(files) {
      for (const file of files) {
        const row = { progress: el('progress', { value: 0, max: 1 }), state: el('span', { text: 'starting…' }) };
        list.append(el('li', {}, el('span', { text: file.name + ' (' + bytes(file.size) + ')' }), row.progress, row.state));
        uploadFile(file, uploadSpace.value, row).then(refresh, (e) => {
          row.state.textContent = e.message;
          row.state.className = 'error';
        });
      }
    }

    async function startPull(event) {
      event.preventDefault();
      pullState.textContent = 'starting…';
      try {
        const { jobId } = await api('POST', '/pulls', { space: uploadSpace.value, url: urlInput.value });
        const follow = async () => {
          const { pulls } = await api('GET', '/jobs');
          const job = pulls.find((p) => p.jobId === jobId);
          if (!job) return;
          pullState.textContent = job.state + (job.error ? ': ' + job.error : '');
          if (job.state === 'success') refresh();
          else if (job.state !== 'failed' && main.contains(pullState)) setTimeout(follow, 1000);
        };
        follow();
      } catch (e) {
        pullState.textContent = e.message;
      }
    }

    fileInput.addEventListener('change', () => { upload(fileInput.files); });
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); upload(e.dataTransfer.files); });
    for (const control of [space, status]) control.addEventListener('change', refresh);
    search.addEventListener('input', () => { clearTimeout(search.timer); search.timer = setTimeout(refresh, 200); });

    show(el('h1', { text: 'Media library' }), drop,
      el('div', { class: 'toolbar', role: 'search' },
        el('label', {}, 'Space', space), el('label', {}, 'Search by title', search), el('label', {}, 'Status', status)),
      count, grid);
    await refresh();
    poll = setInterval(refresh, 5000);
  }

  function card(m) {
    const poster = m.posterUrl ? el('img', { src: m.posterUrl, alt: '', loading: 'lazy' }) : el('span', { text: 'no poster' });
    return el('a', { class: 'card', href: '#/media/' + m.vid, 'data-vid': m.vid },
      el('div', { class: 'poster' }, poster),
      el('div', { class: 'body' },
        el('div', { class: 'title', text: m.title || m.fileName }),
        el('div', { class: 'facts' },
          el('span', { title: 'Duration', text: duration(m.durationSeconds) }),
          el('span', { title: 'Resolution', text: resolution(m) }),
          el('span', { title: 'Size', text: bytes(m.sizeBytes) }),
          el('span', { title: 'Uploaded', text: when(m.createdAt) }),
          el('span', { class: 'badge ' + m.status, text: m.status }),
          m.restorations ? el('span', { text: m.restorations + ' restoration(s)' }) : null)));
  }

  // ---- media page --------------------------------------------------------------------------------------------------
  async function mediaPage(vid) {
    const m = await api('GET', '/media/' + encodeURIComponent(vid));
    const player = el('video', { id: 'player', controls: true, preload: 'metadata', src: m.playUrl,
      poster: m.posterUrl || null });
    const title = el('input', { id: 'title', value: m.title, maxlength: 128 });
    const description = el('textarea', { id: 'description', rows: 3, maxlength: 1024 });
    description.value = m.description;
    const tags = el('input', { id: 'tags', value: (m.tags || []).join(', ') });
    const saveState = el('span', { id: 'save-state', role: 'status' });
    const form = el('form', { class: 'stack', id: 'meta-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api('PATCH', '/media/' + encodeURIComponent(vid),
          { title: title.value, description: description.value, tags: tags.value });
        saveState.textContent = 'Saved';
      } catch (err) {
        saveState.textContent = err.message;
      }
    } },
    el('label', {}, 'Title', title), el('label', {}, 'Description', description),
    el('label', {}, 'Tags (comma separated)', tags),
    el('div', { class: 'row' }, el('button', { type: 'submit', id: 'save', text: 'Save' }), saveState));

    const template = el('select', { id: 'template' },
      [['common', 'General video'], ['ugc', 'User-made (phone, screen)'], ['short_series', 'Short series / drama'],
        ['aigc', 'AI-generated'], ['old_film', 'Old film (scratches, flicker)']]
        .map(([v, t]) => el('option', { value: v, text: t })));
    const tier = el('select', { id: 'tier' }, el('option', { value: 'standard', text: 'Standard' }),
      el('option', { value: 'pro', text: 'Pro (if the account allows it)' }));
    const res = el('select', { id: 'res' }, el('option', { value: '', text: 'Same as the source' }),
      ['480p', '540p', '720p', '1080p', '2k', '4k'].map((r) => el('option', { value: r, text: r })));
    const restoreState = el('span', { id: 'restore-state', role: 'status' });
    const restoreForm = el('form', { class: 'row', id: 'restore-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const { runId } = await api('POST', '/restorations',
          { vid, template: template.value, tier: tier.value, res: res.value });
        restoreState.textContent = 'Started ' + runId;
        refreshRestorations();
      } catch (err) {
        restoreState.textContent = err.message;
      }
    } },
    el('label', {}, 'Type of video', template), el('label', {}, 'Tier', tier), el('label', {}, 'Output resolution', res),
    el('button', { type: 'submit', id: 'restore', text: 'Restore' }), restoreState);

    const outputs = el('div', { id: 'restorations' });
    async function refreshRestorations() {
      try {
        const fresh = await api('GET', '/media/' + encodeURIComponent(vid));
        outputs.replaceChildren(restorationTable(fresh.restorations, false));
      } catch (e) {
        outputs.replaceChildren(failure(e));
      }
    }
    outputs.append(restorationTable(m.restorations, false));

    const confirmDelete = el('button', { type: 'button', class: 'danger', id: 'delete-confirm', hidden: true,
      text: 'Delete for good', onclick: async () => {
        try {
          await api('DELETE', '/media/' + encodeURIComponent(vid));
          toast('Deleted ' + vid);
          location.hash = '#/';
        } catch (e) {
          toast(e.message);
        }
      } });
    const remove = el('button', { type: 'button', class: 'danger', id: 'delete', text: 'Delete…', onclick: () => {
      confirmDelete.hidden = false;
      confirmDelete.focus();
    } });

    show(el('p', {}, el('a', { href: '#/', text: '← Library' })),
      el('h1', { id: 'media-title', text: m.title || m.fileName }),
      el('div', { class: 'media-layout' },
        el('section', { 'aria-label': 'Player' }, player,
          el('div', { class: 'facts' },
            el('span', { text: duration(m.durationSeconds) }), el('span', { text: resolution(m) }),
            el('span', { text: bytes(m.sizeBytes) }), el('span', { text: m.format }),
            el('span', { text: when(m.createdAt) }), el('span', { class: 'badge ' + m.status, text: m.status }),
            el('span', {}, 'Space ', el('code', { text: m.space }))),
          el('div', { class: 'row' },
            el('button', { type: 'button', class: 'secondary', id: 'copy-source',
              onclick: () => copy(m.source, 'Source') }, 'Copy ', el('code', { text: m.source })),
            el('button', { type: 'button', class: 'secondary', id: 'copy-link',
              onclick: () => copy(m.playUrl, 'Signed link') }, 'Copy signed link (' + Math.round(m.urlValidSeconds / 60) + ' min)'))),
        el('section', { 'aria-label': 'Details' }, el('h2', { text: 'Details' }), form)),
      el('h2', { text: 'Restore' }), restoreForm,
      el('h2', { text: 'Restorations' }), outputs,
      el('h2', { text: 'Delete' }), el('div', { class: 'row' }, remove, confirmDelete));
    poll = setInterval(refreshRestorations, 2000);
  }

  function restorationTable(rows, withMedia) {
    if (!rows.length) return el('p', { class: 'muted', text: 'None yet.' });
    return el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, withMedia ? el('th', { text: 'Media' }) : null,
        ['Run', 'State', 'Template', 'Tier', 'Resolution', 'Bit depth', 'Started', 'Time', 'Result']
          .map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows.map((r) => el('tr', { 'data-run': r.runId },
        withMedia ? el('td', {}, r.vid ? el('a', { href: '#/media/' + r.vid, text: r.vid }) : '–') : null,
        el('td', {}, el('code', { text: r.runId })),
        el('td', {}, el('span', { class: 'badge ' + r.status, text: r.status })),
        el('td', { text: r.template || 'common' }), el('td', { text: r.tier }),
        el('td', { text: r.targetHeight ? r.targetHeight + 'p' : 'as source' }), el('td', { text: r.bitDepth + '-bit' }),
        el('td', { text: when(r.startedAt || r.createdAt) }), el('td', { text: r.seconds.toFixed(1) + ' s' }),
        el('td', {}, r.status === 'Success'
          ? [el('a', { href: '#/compare/' + r.runId, class: 'compare-link', text: 'Before / after' }), ' ',
            el('a', { href: r.outputUrl, text: 'Output' })]
          : (r.error ? el('span', { class: 'error', text: r.error }) : '–')))))));
  }

  // ---- jobs ----------------------------------------------------------------------------------------------------------
  async function jobs() {
    const pulls = el('div', { id: 'pulls' });
    const restorations = el('div', { id: 'jobs-restorations' });
    async function refresh() {
      try {
        const data = await api('GET', '/jobs');
        pulls.replaceChildren(data.pulls.length ? el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, ['Job', 'State', 'Source URL', 'Space', 'Started', 'Time', 'Result']
            .map((h) => el('th', { scope: 'col', text: h })))),
          el('tbody', {}, data.pulls.map((p) => el('tr', {},
            el('td', {}, el('code', { text: p.jobId })),
            el('td', {}, el('span', { class: 'badge ' + p.state, text: p.state })),
            el('td', { text: p.sourceUrl }), el('td', { text: p.space }), el('td', { text: when(p.createdAt) }),
            el('td', { text: p.seconds.toFixed(1) + ' s' }),
            el('td', {}, p.vid ? el('a', { href: '#/media/' + p.vid, text: p.vid })
              : (p.error ? el('span', { class: 'error', text: p.error }) : '–')))))))
          : el('p', { class: 'muted', text: 'No URL pulls yet.' }));
        restorations.replaceChildren(restorationTable(data.restorations, true));
      } catch (e) {
        pulls.replaceChildren(failure(e));
      }
    }
    show(el('h1', { text: 'Jobs' }), el('p', { class: 'muted', text: 'Updated every 2 seconds.' }),
      el('h2', { text: 'URL pulls' }), pulls, el('h2', { text: 'Restorations' }), restorations);
    await refresh();
    poll = setInterval(refresh, 2000);
  }

  // ---- before / after ----------------------------------------------------------------------------------------------
  async function compare(runId) {
    const r = await api('GET', '/restorations/' + encodeURIComponent(runId));
    if (!r.outputUrl) throw new Error('restoration ' + runId + ' has no output yet (' + r.status + ')');
    const before = el('video', { id: 'before', src: r.beforeUrl, muted: true, preload: 'auto', playsinline: true });
    const after = el('video', { id: 'after', src: r.outputUrl, muted: true, preload: 'auto', playsinline: true });
    const splitBefore = el('video', { id: 'split-before', src: r.beforeUrl, muted: true, preload: 'auto' });
    const splitAfter = el('video', { id: 'split-after', src: r.outputUrl, muted: true, preload: 'auto' });
    const videos = [before, after, splitBefore, splitAfter];
    const position = el('input', { id: 'position', type: 'range', min: 0, max: 1000, value: 0, step: 1,
      'aria-label': 'Position' });
    const playButton = el('button', { type: 'button', id: 'play-both', text: 'Play both' });
    let playing = false;
    playButton.addEventListener('click', () => {
      playing = !playing;
      videos.forEach((v) => { if (playing) v.play().catch(() => {}); else v.pause(); });
      playButton.textContent = playing ? 'Pause both' : 'Play both';
      if (!playing) align(before.currentTime);
    });
    function align(time) {
      videos.forEach((v) => { if (Math.abs(v.currentTime - time) > 0.05) v.currentTime = time; });
    }
    before.addEventListener('timeupdate', () => {
      if (before.duration) position.value = Math.round(1000 * before.currentTime / before.duration);
      videos.forEach((v) => { if (v !== before && Math.abs(v.currentTime - before.currentTime) > 0.25) v.currentTime = before.currentTime; });
    });
    position.addEventListener('input', () => align((before.duration || 0) * position.value / 1000));

    const split = el('input', { id: 'split', type: 'range', min: 0, max: 100, value: 50, 'aria-label': 'Split position (percent)' });
    const handle = el('div', { class: 'handle', 'aria-hidden': 'true' });
    const afterLayer = el('div', { class: 'after' }, splitAfter);
    const stage = el('div', { class: 'split', id: 'split-view' }, splitBefore, afterLayer, handle);
    function setSplit(percent) {
      percent = Math.max(0, Math.min(100, percent));
      split.value = percent;
      afterLayer.style.clipPath = 'inset(0 0 0 ' + percent + '%)';
      handle.style.left = 'calc(' + percent + '% - 1px)';
    }
    split.addEventListener('input', () => setSplit(Number(split.value)));
    stage.addEventListener('pointerdown', (e) => {
      stage.setPointerCapture(e.pointerId);
      const move = (ev) => {
        const box = stage.getBoundingClientRect();
        setSplit(100 * (ev.clientX - box.left) / box.width);
      };
      move(e);
      stage.addEventListener('pointermove', move);
      stage.addEventListener('pointerup', () => stage.removeEventListener('pointermove', move), { once: true });
    });
    setSplit(50);

    show(el('p', {}, r.vid ? el('a', { href: '#/media/' + r.vid, text: '← ' + (r.title || r.vid) }) : null),
      el('h1', { text: 'Before / after' }),
      el('p', { class: 'muted' }, 'Restoration ', el('code', { text: r.runId }), ' · ' + r.template + ' · ' + r.tier
        + (r.targetHeight ? ' · ' + r.targetHeight + 'p' : '') + ' · ' + r.seconds.toFixed(1) + ' s'),
      el('div', { class: 'row' }, playButton, el('label', { class: 'grow' }, 'Position', position)),
      el('div', { class: 'pair' },
        el('figure', {}, before, el('figcaption', { text: 'Before' })),
        el('figure', {}, after, el('figcaption', { text: 'After' }))),
      el('h2', { text: 'Split view' }),
      el('p', { class: 'muted', text: 'Pause, then drag across the picture (or use the slider): before on the left, after on the right.' }),
      el('label', {}, 'Split', split), stage);
  }

  // ---- routing -----------------------------------------------------------------------------------------------------
  async function route() {
    clearInterval(poll);
    poll = null;
    const hash = location.hash.replace(/^#/, '') || '/';
    const path = hash.split('?')[0];
    for (const link of document.querySelectorAll('header nav a')) {
      const current = (link.id === 'nav-jobs') === path.startsWith('/jobs');
      if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
    try {
      if (path.startsWith('/media/')) await mediaPage(decodeURIComponent(path.slice(7)));
      else if (path.startsWith('/jobs')) await jobs();
      else if (path.startsWith('/compare/')) await compare(decodeURIComponent(path.slice(9)));
      else await library();
      main.focus({ preventScroll: true });
    } catch (e) {
      show(failure(e), el('p', {}, el('a', { href: '#/', text: 'Back to the library' })));
    }
    document.title = (main.querySelector('h1') ? main.querySelector('h1').textContent + ' · ' : '') + 'vodkit console';
  }

  // the token has done its work once the cookie is set: keep it out of the address bar and history
  if (location.search.includes('token=')) history.replaceState(null, '', location.pathname + location.hash);
  window.addEventListener('hashchange', route);
  route();
})();
