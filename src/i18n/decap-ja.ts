/**
 * Japanese for the phrases Decap CMS 3.16's own `ja` locale lacks: without them Decap shows its
 * English (「Fill in from another locale」 above every translation, the notes pane, the list and
 * image buttons). Same nested shape as decap-cms-locales; admin/cms-client.ts merges this over
 * Decap's `ja` (CMS.getLocale) before CMS.init. tests/unit/decap-phrases.test.ts checks that every
 * English phrase of the bundled Decap has a Japanese one (src/lib/cms/phrases.ts), so a Decap update that adds phrases
 * is noticed.
 */
export const decapJa = {
  auth: {
    loginWithForgejo: 'Forgejo でログインする',
  },
  collection: {
    collectionTop: {
      viewAsList: '一覧で表示',
      viewAsGrid: 'タイルで表示',
    },
    entries: {
      unpublishedHeader: '未公開の記事',
    },
  },
  editor: {
    editorControl: {
      field: {
        widgetLabel: '%{widgetLabel} の欄',
      },
    },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'ほかの言語から写す',
        copyFromLocaleConfirm: '%{locale} の内容をここに写しますか？\n今ある内容はすべて置き換わります。',
      },
    },
    editorInterface: {
      toggleNotes: 'メモを表示・非表示',
    },
    editorNotesPane: {
      title: 'メモ',
      emptyState: 'メモはまだありません。下に書くと、ほかの編集者と共有できます。',
      addNote: 'メモを追加',
      addPlaceholder: 'メモを書く…',
      editPlaceholder: 'メモを直す…',
      save: '保存',
      cancel: 'やめる',
      edit: '直す',
      delete: '削除',
      resolve: '済みにする',
      unresolve: '未済に戻す',
      confirmDelete: 'このメモを削除しますか？',
      shortcut: 'Ctrl + Enter ですぐに追加できます',
    },
    editorWidgets: {
      markdown: {
        strikethrough: '取り消し線',
        toggleMode: {
          rich: '見たまま編集に切り替える',
          markdown: 'Markdown 編集に切り替える',
        },
      },
      image: {
        chooseMultiple: '画像を選ぶ',
        addMore: '画像を追加する',
        removeAll: '画像をすべて外す',
      },
      file: {
        chooseMultiple: 'ファイルを選ぶ',
        addMore: 'ファイルを追加する',
        removeAll: 'ファイルをすべて外す',
      },
      datetime: {
        // Decap fills %{fieldLabel} with the field's code name (start, end): left out.
        setToNow: '今の日時にする',
      },
      list: {
        add: '%{item} を追加',
        addType: '%{item} を追加',
      },
      object: {
        expand: '開く',
        collapse: '閉じる',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryModal: {
      close: '閉じる',
    },
  },
  ui: {
    settingsDropdown: {
      account: 'アカウントのメニュー',
    },
    toast: {
      noteAdded: 'メモを追加しました',
      onFailToAddNote: 'メモを追加できませんでした: %{details}',
      noteUpdated: 'メモを更新しました',
      onFailToUpdateNote: 'メモを更新できませんでした: %{details}',
      noteDeleted: 'メモを削除しました',
      onFailToDeleteNote: 'メモを削除できませんでした: %{details}',
      noteResolved: 'メモを済みにしました',
      noteReopened: 'メモを未済に戻しました',
      onFailToToggleNote: 'メモの状態を変えられませんでした: %{details}',
    },
  },
} as const;

/**
 * Decap names the Markdown editor's own blocks (its ＋ menu) in English in code, not in a
 * phrase: admin/cms-client.ts registers them again under these names.
 */
export const decapEditorComponentsJa = {
  image: {
    label: '画像',
    fields: { image: '画像', alt: '画像の説明（見えない人のための文章）', title: '画像の題（任意）' },
  },
  codeBlock: { label: 'コード（プログラムなどの文字）' },
} as const;
