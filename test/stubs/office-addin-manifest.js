// Stand-in for office-addin-manifest in Jest: office-addin-mock needs only this enum.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    Project: 'project',
    PowerPoint: 'powerpoint',
    Word: 'word',
  },
};
